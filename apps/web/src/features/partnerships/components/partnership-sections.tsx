import { Suspense, type ReactNode } from "react";
import { useT } from "../../../i18n";
import { PageStatus } from "../../../ui/page-status";
import { LiveDocumentsProvider } from "../../collab";
import { CommentsProvider } from "../../comments";
import { usePartnershipContext } from "../state/partnership-context";
import type { Section } from "../state/sections";
import { lazyComponent } from "../../../lib/lazy-component";

// One chunk per section: the charter's editor stack only loads with the charter.
const CharterWorkspace = lazyComponent(() =>
  import("../../charter/components/charter-workspace").then((module) => module.default),
);
const PrivateNotesWorkspace = lazyComponent(() =>
  import("../../charter/components/private-notes-workspace").then((module) => module.default),
);
const ObjectivesSection = lazyComponent(() =>
  import("../../objectives/components/objectives-section").then((module) => module.default),
);
const IssuesSection = lazyComponent(() =>
  import("../../issues/components/issues-section").then((module) => module.default),
);
const DecisionsSection = lazyComponent(() =>
  import("../../decisions/components/decisions-section").then((module) => module.default),
);
const FeedSection = lazyComponent(() =>
  import("../../feed/components/feed-section").then((module) => module.default),
);
const MeetingsSection = lazyComponent(() =>
  import("../../meetings/components/meetings-section").then((module) => module.default),
);
const MeetingPage = lazyComponent(() =>
  import("../../meetings/components/meeting-page").then((module) => module.default),
);
const WorkshopPage = lazyComponent(() =>
  import("../../workshop/components/workshop-page").then((module) => module.default),
);
const DashboardSection = lazyComponent(() =>
  import("../../dashboard/components/dashboard-section").then((module) => module.default),
);
const ActivitySection = lazyComponent(() =>
  import("../../activity/components/activity-section").then((module) => module.default),
);
const TrashSection = lazyComponent(() =>
  import("../../trash/components/trash-section").then((module) => module.default),
);
const HealthSection = lazyComponent(() =>
  import("../../health-check/components/health-section").then((module) => module.default),
);
const OrganizationsSection = lazyComponent(() =>
  import("../../organizations/components/organizations-section").then((module) => module.default),
);

/** The chunk of each section's first screen. */
const SECTION_COMPONENTS: Record<Section, { preload(): Promise<void> }> = {
  dashboard: DashboardSection,
  charter: CharterWorkspace,
  objectives: ObjectivesSection,
  issues: IssuesSection,
  decisions: DecisionsSection,
  meetings: MeetingsSection,
  updates: FeedSection,
  organizations: OrganizationsSection,
  private: PrivateNotesWorkspace,
  activity: ActivitySection,
  trash: TrashSection,
  health: HealthSection,
};

/** Loads `section`'s chunk ahead of its first render, which then does not suspend. */
export function preloadSection(section: Section): Promise<void> {
  return SECTION_COMPONENTS[section].preload();
}

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
