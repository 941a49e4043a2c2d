import { THREAD_PARAM, type LandingPage, type PartnershipResponse } from "@entente/protocol";
import { Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useT } from "../../../i18n";
import { Link, useLocation } from "@tanstack/react-router";
import { ErrorBoundary } from "../../../ui/error-boundary";
import { errorMessage } from "../../../ui/error-message";
import { MainStatus, PageStatus } from "../../../ui/page-status";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useMe, useSession } from "../../auth";
import type { CollabUser } from "../../collab";
import { useLandingPage } from "../../preferences";
import { AppHeader } from "../../shell";
import { useLinkedTarget } from "../hooks/use-linked-target";
import { usePartnershipMembershipEvents } from "../hooks/use-partnership-membership-events";
import { colorOrganizations } from "../state/organization-colors";
import { PartnershipProvider, type PartnershipContextValue } from "../state/partnership-context";
import { parseSection, sectionPath, type Section } from "../state/sections";
import { PartnershipInvite } from "./partnership-invite";
import { PartnershipTour } from "./partnership-tour";
import { PendingInvitationsPanel } from "./pending-invitations-panel";
import { SentInvitationsPanel } from "./sent-invitations-panel";
import { MembersPanel } from "./members-panel";
import { PartnershipBar } from "./partnership-bar";
import { PartnershipChecklist } from "../../onboarding";
import { useQuery } from "@tanstack/react-query";
import { partnershipsQueries } from "../api/partnerships-queries";
import { lazyComponent } from "../../../lib/lazy-component";

// Everything live (Yjs, y-websocket, Tiptap, the sections) is fetched only here, section by
// section: the home and sign-in pages never load it.
const PartnershipSections = lazyComponent(() =>
  import("./partnership-sections").then((module) => module.default),
);

/**
 * Loads the chunks the page at URL segment `segment` shows first (the root: the charter,
 * every member's landing page but the dashboard's), so that none of them suspends as it
 * first renders (see lib/lazy-component.ts).
 */
export async function preloadPartnershipPage(segment: string | null): Promise<void> {
  const section = parseSection(segment);
  await Promise.all([
    PartnershipSections.preload(),
    section === undefined
      ? undefined
      : import("./partnership-sections").then((module) => module.preloadSection(section)),
  ]);
}

export function PartnershipPage({
  partnershipId,
  section,
  meetingId = null,
  meetingView = "meeting",
}: {
  partnershipId: string;
  /** The URL segment after the partnership id (`null` for the charter). */
  section: string | null;
  /** `/p/:id/meetings/:meetingId`: the meeting opened in the meetings section. */
  meetingId?: string | null;
  /** `/p/:id/meetings/:meetingId/workshop`: the meeting's workshop board instead. */
  meetingView?: "meeting" | "workshop";
}) {
  const t = useT();
  const state = useQuery(partnershipsQueries.partnership(partnershipId));
  // Quiet: the page keeps showing what it has while the partnership is read again.
  const reload = () => void state.refetch();
  const { landing, choose } = useLandingPage(partnershipId);
  const location = useLocation();
  const { refresh } = useSession();
  const sessionEnded = state.status === "error" && state.error.status === 401;
  useDocumentTitle(state.status === "success" ? state.data.partnership.name : null, t("app.name"));

  useEffect(() => {
    // The session ended since the page loaded: re-reading it makes the route guard send
    // the user to /login, and back here afterwards.
    if (sessionEnded) void refresh();
  }, [sessionEnded, refresh]);

  switch (state.status) {
    case "pending":
      return (
        <div className="app">
          <AppHeader />
          <MainStatus>{t("partnership.loading")}</MainStatus>
        </div>
      );
    case "error":
      if (state.error.status !== 404) {
        return (
          <div className="app">
            <AppHeader />
            <MainStatus role="alert">
              <p>{errorMessage(t, state.error)}</p>
              <button type="button" className="button" onClick={reload}>
                {t("common.retry")}
              </button>
            </MainStatus>
          </div>
        );
      }
      return (
        <div className="app">
          <AppHeader />
          <MainStatus role="alert">
            <p>{t("partnership.notFound")}</p>
            <Link to="/">{t("partnership.backHome")}</Link>
          </MainStatus>
        </div>
      );
    case "success": {
      if (landing === null && section === null) {
        return (
          <div className="app">
            <AppHeader />
            <MainStatus>{t("partnership.loading")}</MainStatus>
          </div>
        );
      }
      // A comment link on the charter (`/p/:id?thread=`) opens the charter whatever the landing page.
      const root: LandingPage = new URLSearchParams(location.searchStr).has(THREAD_PARAM)
        ? "charter"
        : (landing ?? "charter");
      return (
        <PartnershipWorkspace
          data={state.data}
          onMembershipChanged={reload}
          section={parseSection(section, root)}
          landing={landing ?? "charter"}
          chooseLanding={choose}
          meetingId={meetingId}
          meetingView={meetingView}
        />
      );
    }
  }
}

function PartnershipWorkspace({
  data,
  onMembershipChanged,
  section,
  landing,
  chooseLanding,
  meetingId,
  meetingView,
}: {
  data: PartnershipResponse;
  /** Reads the partnership again (organizations, members) without leaving the page. */
  onMembershipChanged: () => void;
  section: Section | undefined;
  landing: LandingPage;
  chooseLanding: (page: LandingPage) => Promise<void>;
  meetingId: string | null;
  meetingView: "meeting" | "workshop";
}) {
  const t = useT();
  const me = useMe();
  const { partnership, members, documents } = data;
  const organizations = useMemo(() => colorOrganizations(data.organizations), [data.organizations]);
  const [invitationsMade, setInvitationsMade] = useState(0);
  const onInvitationCreated = useCallback(() => setInvitationsMade((n) => n + 1), []);
  // Who is in the partnership changed (here or on another screen): header badges, members,
  // the charter's "n of N organizations", and the invitation lists follow.
  usePartnershipMembershipEvents(
    partnership.id,
    useCallback(() => {
      onMembershipChanged();
      onInvitationCreated();
    }, [onMembershipChanged, onInvitationCreated]),
  );
  useLinkedTarget();

  const seat =
    me.partnerships.find((p) => p.id === partnership.id) ??
    members.find((m) => m.id === me.user.id) ??
    null;
  const myOrganization = organizations.find((o) => o.id === seat?.organizationId);

  const collabUser = useMemo<CollabUser>(
    () => ({
      id: me.user.id,
      name: me.user.name,
      color: myOrganization?.color ?? "#475569",
      organizationId: myOrganization?.id ?? "",
      organizationName: myOrganization?.name ?? "",
    }),
    [me.user.id, me.user.name, myOrganization],
  );

  const context = useMemo<PartnershipContextValue>(
    () => ({
      partnershipId: partnership.id,
      partnershipName: partnership.name,
      organizations,
      members,
      documents,
      me: {
        userId: me.user.id,
        name: me.user.name,
        organizationId: seat?.organizationId ?? "",
        permission: seat?.permission ?? null,
      },
      collabUser,
      landing,
      chooseLanding,
    }),
    [
      partnership,
      organizations,
      members,
      documents,
      me.user,
      seat,
      collabUser,
      landing,
      chooseLanding,
    ],
  );

  const aside = (
    <>
      <PartnershipChecklist />
      <MembersPanel organizations={organizations} members={members} currentUserId={me.user.id} />
      {seat?.permission === "admin" && myOrganization ? (
        <>
          <PendingInvitationsPanel
            partnershipId={partnership.id}
            myOrganizationId={myOrganization.id}
            refreshKey={invitationsMade}
          />
          <SentInvitationsPanel partnershipId={partnership.id} refreshKey={invitationsMade} />
        </>
      ) : null}
    </>
  );

  return (
    <PartnershipProvider value={context}>
      <div className="app">
        <AppHeader
          partnership={{
            name: partnership.name,
            organizations,
            myOrganizationId: seat?.organizationId ?? "",
          }}
        />
        <PartnershipBar
          current={section}
          invite={<PartnershipInvite mode="button" onCreated={onInvitationCreated} />}
        />
        <PartnershipTour />
        <main id="main" className="page page--partnership">
          {section === undefined ? (
            <PageStatus role="alert">
              <p>{t("errors.not_found")}</p>
              <Link to={sectionPath(partnership.id, "charter", landing)}>
                {t("sections.charter")}
              </Link>
            </PageStatus>
          ) : (
            <ErrorBoundary
              fallback={
                <PageStatus role="alert">
                  <p>{t("common.partFailed")}</p>
                  <button type="button" className="button" onClick={() => window.location.reload()}>
                    {t("common.reload")}
                  </button>
                </PageStatus>
              }
            >
              <Suspense fallback={<PageStatus>{t("common.loading")}</PageStatus>}>
                <PartnershipSections
                  section={section}
                  meetingId={meetingId}
                  meetingView={meetingView}
                  aside={aside}
                />
              </Suspense>
            </ErrorBoundary>
          )}
        </main>
      </div>
    </PartnershipProvider>
  );
}
