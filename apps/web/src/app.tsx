import { lazy, StrictMode, Suspense, type ComponentType } from "react";
import { I18nProvider } from "./i18n";
import { matchPath, RouterProvider, useRouter } from "./lib/router";
import { safeRedirectTarget } from "./features/auth/state/redirect-target";
import { LoginPage } from "./features/auth/components/login-page";
import { RedirectIfSignedIn, RequireSession } from "./features/auth/components/require-session";
import { SignupPage } from "./features/auth/components/signup-page";
import { SessionProvider } from "./features/auth/state/session-provider";
import { NotFoundPage } from "./features/shell/components/not-found-page";
import { AnnouncerProvider } from "./ui/announcer";
import { SkipLink } from "./ui/skip-link";

// Pages behind a session are chunks of their own: the sign-in page loads none of them. The
// server names the chunks of the page it serves in preload hints (build/route-preloads.ts).
function lazyPage<Name extends string, Props>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
const AcceptInvitationPage = lazyPage(
  () => import("./features/partnerships/components/accept-invitation-page"),
  "AcceptInvitationPage",
);
const HomePage = lazyPage(() => import("./features/partnerships/components/home-page"), "HomePage");
const InvitePartnerPage = lazyPage(
  () => import("./features/onboarding/components/invite-partner-page"),
  "InvitePartnerPage",
);
const PartnershipPage = lazyPage(
  () => import("./features/partnerships/components/partnership-page"),
  "PartnershipPage",
);
const CalendarSettingsPage = lazyPage(
  () => import("./features/calendar/components/calendar-settings-page"),
  "CalendarSettingsPage",
);
const SsoSettingsPage = lazyPage(
  () => import("./features/sso/components/sso-settings-page"),
  "SsoSettingsPage",
);
const NotificationSettingsPage = lazyPage(
  () => import("./features/preferences/components/notification-settings-page"),
  "NotificationSettingsPage",
);

function Routes() {
  const { location } = useRouter();
  const path = location.pathname;
  const next = safeRedirectTarget(new URLSearchParams(location.search).get("next"));

  if (matchPath("/login", path)) {
    return (
      <RedirectIfSignedIn to={next}>
        <LoginPage />
      </RedirectIfSignedIn>
    );
  }
  if (matchPath("/signup", path)) {
    return (
      <RedirectIfSignedIn to={next}>
        <SignupPage />
      </RedirectIfSignedIn>
    );
  }
  const invite = matchPath("/invite/:token", path);
  if (invite?.token) return <AcceptInvitationPage token={invite.token} />;

  const start = matchPath("/start/:partnershipId", path);
  if (start?.partnershipId) {
    return (
      <RequireSession>
        <InvitePartnerPage partnershipId={start.partnershipId} />
      </RequireSession>
    );
  }

  const workshop = matchPath("/p/:partnershipId/meetings/:meetingId/workshop", path);
  const meeting = matchPath("/p/:partnershipId/meetings/:meetingId", path) ?? workshop;
  const partnership =
    matchPath("/p/:partnershipId", path) ??
    matchPath("/p/:partnershipId/:section", path) ??
    (meeting ? { ...meeting, section: "meetings" } : null);
  if (partnership?.partnershipId) {
    return (
      <RequireSession>
        {/* keyed: another partnership is another page, with fresh state and fresh live documents;
            another section of the same partnership keeps its documents open */}
        <PartnershipPage
          key={partnership.partnershipId}
          partnershipId={partnership.partnershipId}
          section={partnership.section ?? null}
          meetingId={meeting?.meetingId ?? null}
          meetingView={workshop ? "workshop" : "meeting"}
        />
      </RequireSession>
    );
  }
  if (matchPath("/settings/calendar", path)) {
    return (
      <RequireSession>
        <CalendarSettingsPage />
      </RequireSession>
    );
  }
  if (matchPath("/settings/notifications", path)) {
    return (
      <RequireSession>
        <NotificationSettingsPage />
      </RequireSession>
    );
  }
  if (matchPath("/settings/organization", path)) {
    return (
      <RequireSession>
        <SsoSettingsPage />
      </RequireSession>
    );
  }
  if (matchPath("/", path)) {
    return (
      <RequireSession>
        <HomePage />
      </RequireSession>
    );
  }
  return <NotFoundPage />;
}

export function App() {
  return (
    <StrictMode>
      <I18nProvider>
        <SkipLink />
        <AnnouncerProvider>
          <RouterProvider>
            <SessionProvider>
              <Suspense fallback={null}>
                <Routes />
              </Suspense>
            </SessionProvider>
          </RouterProvider>
        </AnnouncerProvider>
      </I18nProvider>
    </StrictMode>
  );
}
