import { NOTIFICATION_SETTINGS_PATH } from "@entente/protocol";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  useMatch,
  useParams,
  type RouterHistory,
} from "@tanstack/react-router";
import { Suspense } from "react";
import { RequireSession } from "./features/auth/components/require-session";
import { SignInPageLoad } from "./features/auth/components/sign-in-page-load";
import { NotFoundPage } from "./features/shell/components/not-found-page";
import { parseSearchParams, stringifySearchParams } from "./lib/search-params";

/**
 * The web app's routes, in one tree (TanStack Router, code-based). Every address here is
 * one that e-mails and bookmarks already point at: change none of them.
 *
 * Pages behind a session are chunks of their own (`lazyRouteComponent`): the sign-in page
 * loads none of them. The server names the chunks of the page it serves in preload hints
 * (build/route-preloads.ts lists the same modules).
 */

export interface RouterContext {
  queryClient: QueryClient;
}

/** `/login?next=…`, `/signup?next=…`: where to go once signed in; `sso_error`: why SSO refused. */
export interface AuthSearch {
  next?: string;
  sso_error?: string;
}

function authSearch(search: Record<string, unknown>): AuthSearch {
  const result: AuthSearch = {};
  if (typeof search["next"] === "string") result.next = search["next"];
  if (typeof search["sso_error"] === "string") result.sso_error = search["sso_error"];
  return result;
}

/**
 * The partnership page's query: the lens, and what a link points at (a post, a thread, an
 * item, a passage, a "new …" form); each feature reads its own parameter.
 */
export type PartnershipSearch = Partial<Record<string, string>>;

function partnershipSearch(search: Record<string, unknown>): PartnershipSearch {
  const result: PartnershipSearch = {};
  for (const [name, value] of Object.entries(search)) {
    if (typeof value === "string") result[name] = value;
  }
  return result;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <Suspense fallback={null}>
      <Outlet />
    </Suspense>
  ),
  notFoundComponent: NotFoundPage,
});

const HomePage = lazyRouteComponent(
  () => import("./features/partnerships/components/home-page"),
  "HomePage",
);
const AcceptInvitationPage = lazyRouteComponent(
  () => import("./features/partnerships/components/accept-invitation-page"),
  "AcceptInvitationPage",
);
const InvitePartnerPage = lazyRouteComponent(
  () => import("./features/onboarding/components/invite-partner-page"),
  "InvitePartnerPage",
);
const PartnershipPage = lazyRouteComponent(
  () => import("./features/partnerships/components/partnership-page"),
  "PartnershipPage",
);
/**
 * Starts loading the chunks the page at `pathname` shows first, before the app renders: a
 * lazy part already loaded does not suspend, and each nested part that suspends costs the
 * page React's 300 ms reveal throttle. Never throws: a chunk that fails loads on render.
 */
export async function preloadPage(pathname: string): Promise<void> {
  const partnershipPath = /^\/p\/[^/]+(?:\/([^/]+))?/.exec(pathname);
  if (partnershipPath === null) return;
  await Promise.all([
    PartnershipPage.preload?.(),
    import("./features/partnerships/components/partnership-page").then((module) =>
      module.preloadPartnershipPage(partnershipPath[1] ?? null),
    ),
  ]).catch(() => undefined);
}

const CalendarSettingsPage = lazyRouteComponent(
  () => import("./features/calendar/components/calendar-settings-page"),
  "CalendarSettingsPage",
);
const SsoSettingsPage = lazyRouteComponent(
  () => import("./features/sso/components/sso-settings-page"),
  "SsoSettingsPage",
);
const NotificationsPage = lazyRouteComponent(
  () => import("./features/notifications/components/notifications-page"),
  "NotificationsPage",
);
const NotificationSettingsPage = lazyRouteComponent(
  () => import("./features/preferences/components/notification-settings-page"),
  "NotificationSettingsPage",
);

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: () => (
    <RequireSession>
      <HomePage />
    </RequireSession>
  ),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: authSearch,
  component: SignInPageLoad,
});

const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/signup",
  validateSearch: authSearch,
  component: SignInPageLoad,
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/$token",
  component: function InviteRoute() {
    const { token } = inviteRoute.useParams();
    return <AcceptInvitationPage token={token} />;
  },
});

const startRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/start/$partnershipId",
  component: function StartRoute() {
    const { partnershipId } = startRoute.useParams();
    return (
      <RequireSession>
        <InvitePartnerPage partnershipId={partnershipId} />
      </RequireSession>
    );
  },
});

/**
 * `/p/$partnershipId` and everything under it is one page: the children only say which
 * section (or meeting) it shows. Keyed by the partnership: another partnership is another
 * page, with fresh state and fresh live documents; another section of the same partnership
 * keeps its documents open.
 */
const partnershipRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/p/$partnershipId",
  validateSearch: partnershipSearch,
  component: function PartnershipRoute() {
    const { partnershipId } = partnershipRoute.useParams();
    const { section, meetingId } = useParams({ strict: false });
    const workshop = useMatch({ from: workshopRoute.id, shouldThrow: false });
    return (
      <RequireSession>
        <PartnershipPage
          key={partnershipId}
          partnershipId={partnershipId}
          section={meetingId !== undefined ? "meetings" : (section ?? null)}
          meetingId={meetingId ?? null}
          meetingView={workshop ? "workshop" : "meeting"}
        />
      </RequireSession>
    );
  },
});

/** What a child of the partnership page renders itself: nothing (the page reads the params). */
const shownByPartnershipPage = () => null;

const charterRoute = createRoute({
  getParentRoute: () => partnershipRoute,
  path: "/",
  component: shownByPartnershipPage,
});

const sectionRoute = createRoute({
  getParentRoute: () => partnershipRoute,
  path: "$section",
  component: shownByPartnershipPage,
});

const meetingRoute = createRoute({
  getParentRoute: () => partnershipRoute,
  path: "meetings/$meetingId",
  component: shownByPartnershipPage,
});

const workshopRoute = createRoute({
  getParentRoute: () => partnershipRoute,
  path: "meetings/$meetingId/workshop",
  component: shownByPartnershipPage,
});

const calendarSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/settings/calendar",
  component: () => (
    <RequireSession>
      <CalendarSettingsPage />
    </RequireSession>
  ),
});

const notificationSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: NOTIFICATION_SETTINGS_PATH,
  component: () => (
    <RequireSession>
      <NotificationSettingsPage />
    </RequireSession>
  ),
});

/** Everything the bell holds; the filters stay plain in the address (`?kind=a&kind=b`). */
const notificationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/notifications",
  component: () => (
    <RequireSession>
      <NotificationsPage />
    </RequireSession>
  ),
});

const organizationSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/settings/organization",
  component: () => (
    <RequireSession>
      <SsoSettingsPage />
    </RequireSession>
  ),
});

export const routeTree = rootRoute.addChildren([
  homeRoute,
  loginRoute,
  signupRoute,
  inviteRoute,
  startRoute,
  partnershipRoute.addChildren([charterRoute, sectionRoute, meetingRoute, workshopRoute]),
  calendarSettingsRoute,
  notificationSettingsRoute,
  organizationSettingsRoute,
  notificationsRoute,
]);

export function createAppRouter(options: { queryClient: QueryClient; history?: RouterHistory }) {
  return createRouter({
    routeTree,
    context: { queryClient: options.queryClient },
    ...(options.history ? { history: options.history } : {}),
    // Query strings stay as people and e-mails write them (`?next=/p/1`, `?post=42`): plain
    // strings, never JSON-encoded.
    parseSearch: parseSearchParams,
    stringifySearch: stringifySearchParams,
    // An unknown address is the not-found page, never a page that matched part of it.
    notFoundMode: "root",
    // Data comes from TanStack Query's cache, not from the router's.
    defaultPreloadStaleTime: 0,
    defaultPreload: "intent",
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
