import { lazy, Suspense, type ReactNode } from "react";
import { useT } from "../../../i18n";
import { PageStatus } from "../../../ui/page-status";
import { LiveDocumentsProvider } from "../../collab/components/live-documents-provider";
import { CommentsProvider } from "../../comments/components/comments-provider";
import { usePartnershipContext } from "../state/partnership-context";
import type { Section } from "../state/sections";

// One chunk per section: the charter's editor stack only loads with the charter.
const CharterWorkspace = lazy(() => import("../../charter/components/charter-workspace"));
const PrivateNotesWorkspace = lazy(
  () => import("../../charter/components/private-notes-workspace"),
);
const ObjectivesSection = lazy(() => import("../../objectives/components/objectives-section"));
const IssuesSection = lazy(() => import("../../issues/components/issues-section"));
const DecisionsSection = lazy(() => import("../../decisions/components/decisions-section"));
const FeedSection = lazy(() => import("../../feed/components/feed-section"));
const MeetingsSection = lazy(() => import("../../meetings/components/meetings-section"));
const MeetingPage = lazy(() => import("../../meetings/components/meeting-page"));
const WorkshopPage = lazy(() => import("../../workshop/components/workshop-page"));
const DashboardSection = lazy(() => import("../../dashboard/components/dashboard-section"));
const ActivitySection = lazy(() => import("../../activity/components/activity-section"));
const TrashSection = lazy(() => import("../../trash/components/trash-section"));
const HealthSection = lazy(() => import("../../health-check/components/health-section"));
const OrganizationsSection = lazy(
  () => import("../../organizations/components/organizations-section"),
);

/**
 * The live half of a partnership page (a lazy chunk): keeps the partnership's documents
 * open across sections and shows the current one.
 */
export default function PartnershipSections({
  section,
  meetingId = null,
  meetingView = "meeting",
  aside,
}: {
  section: Section;
  /** On the meetings section: the meeting opened, if one is. */
  meetingId?: string | null;
  /** The meeting's page, or its workshop board. */
  meetingView?: "meeting" | "workshop";
  /** Members and invitations, shown beside the charter. */
  aside: ReactNode;
}) {
  const t = useT();
  const { collabUser } = usePartnershipContext();
  return (
    <LiveDocumentsProvider user={collabUser}>
      <CommentsProvider>
        <Suspense fallback={<PageStatus>{t("common.loading")}</PageStatus>}>
          <CurrentSection
            section={section}
            meetingId={meetingId}
            meetingView={meetingView}
            aside={aside}
          />
        </Suspense>
      </CommentsProvider>
    </LiveDocumentsProvider>
  );
}

function CurrentSection({
  section,
  meetingId,
  meetingView,
  aside,
}: {
  section: Section;
  meetingId: string | null;
  meetingView: "meeting" | "workshop";
  aside: ReactNode;
}) {
  switch (section) {
    case "dashboard":
      return <DashboardSection />;
    case "charter":
      return <CharterWorkspace aside={aside} />;
    case "objectives":
      return <ObjectivesSection />;
    case "issues":
      return <IssuesSection />;
    case "decisions":
      return <DecisionsSection />;
    case "meetings":
      return meetingId === null ? (
        <MeetingsSection />
      ) : meetingView === "workshop" ? (
        <WorkshopPage key={meetingId} meetingId={meetingId} />
      ) : (
        <MeetingPage key={meetingId} meetingId={meetingId} />
      );
    case "updates":
      return <FeedSection />;
    case "organizations":
      return <OrganizationsSection />;
    case "private":
      return <PrivateNotesWorkspace />;
    case "activity":
      return <ActivitySection />;
    case "trash":
      return <TrashSection />;
    case "health":
      return <HealthSection />;
  }
}
