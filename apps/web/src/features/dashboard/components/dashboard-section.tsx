import { readValues } from "@entente/schema";
import { useMemo, useState } from "react";
import { useT } from "../../../i18n";
import { useCharterStatus } from "../../charter";
import { useDecisionVotes, useDecisions } from "../../decisions";
import { useIssues } from "../../issues";
import { useObjectives } from "../../objectives";
import { useProfiles } from "../../organizations";
import { useLens, usePartnershipContext, sectionPath } from "../../partnerships";
import { useHealthChecks } from "../hooks/use-health-trend";
import { healthTrend } from "../state/health-trend";
import {
  contributionTotals,
  kpiTrends,
  summarizeActions,
  summarizeIssues,
  waitingOn,
  winsAndDifficulties,
} from "../state/tiles";
import { KpiTile } from "./kpi-tile";
import { ContributionsTile, HealthTile, MeetingsTile, WinsTile } from "./partner-tiles";
import { ActionsTile, IssuesTile, WaitingTile } from "./work-tiles";
import "../dashboard.css";
import { useDashboardFeeds } from "../hooks/use-dashboard-feeds";
import { SectionHeading } from "../../../ui/section-heading";

/** Today as the member's calendar has it (`YYYY-MM-DD`), for due dates. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The dashboard (a lazy chunk, with its charts in one more): how the partnership is doing,
 * computed from what the other sections show, each tile through the lens and linking to
 * the items behind it.
 */
export default function DashboardSection() {
  const t = useT();
  const context = usePartnershipContext();
  const { partnershipId, organizations, landing, chooseLanding } = context;
  const { shows } = useLens();
  const objectives = useObjectives();
  const issues = useIssues();
  const decisions = useDecisions();
  const { votesOf } = useDecisionVotes();
  const { status: charter } = useCharterStatus();
  const profiles = useProfiles();
  const { rhythm, posts } = useDashboardFeeds(partnershipId);
  const health = useHealthChecks(partnershipId);
  const [saving, setSaving] = useState(false);

  const organizationIds = useMemo(() => organizations.map((o) => o.id), [organizations]);
  const objectiveValues = useMemo(() => readValues(objectives.items), [objectives.items]);
  const path = (section: Parameters<typeof sectionPath>[1]) =>
    sectionPath(partnershipId, section, landing);

  const trends = useMemo(() => kpiTrends(objectiveValues, shows), [objectiveValues, shows]);
  const actions = useMemo(
    () => summarizeActions(objectiveValues, organizationIds, shows, localToday()),
    [objectiveValues, organizationIds, shows],
  );
  const openIssues = useMemo(
    () => summarizeIssues(readValues(issues.items), shows),
    [issues.items, shows],
  );
  const waiting = useMemo(
    () => waitingOn(readValues(decisions.items), votesOf, charter, organizationIds, shows),
    [decisions.items, votesOf, charter, organizationIds, shows],
  );
  const contributions = useMemo(
    () =>
      contributionTotals(
        profiles.map((p) => ({
          organizationId: p.organizationId,
          contributions: p.value.contributions,
        })),
        shows,
      ),
    [profiles, shows],
  );
  const wins = useMemo(() => winsAndDifficulties(posts ?? [], shows), [posts, shows]);
  const healthPoints = useMemo(
    () => (health === null ? null : healthTrend(health, organizationIds, shows)),
    [health, organizationIds, shows],
  );
  const shownOrganizations = organizationIds.filter((id) => shows(id));

  const onDashboard = landing === "dashboard";
  const toggleLanding = async () => {
    setSaving(true);
    try {
      await chooseLanding(onDashboard ? "charter" : "dashboard");
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="section dashboard" aria-labelledby="dashboard-title">
      <SectionHeading
        id="dashboard-title"
        title={t("dashboard.title")}
        subtitle={t("dashboard.subtitle")}
      >
        <label className="dashboard-landing">
          <input
            type="checkbox"
            checked={onDashboard}
            disabled={saving}
            onChange={() => void toggleLanding()}
            data-testid="dashboard-landing"
          />
          {t("dashboard.landing")}
        </label>
      </SectionHeading>
      <div className="dashboard-grid">
        <KpiTile trends={trends} objectivesPath={path("objectives")} />
        <ActionsTile summary={actions} path={path("objectives")} />
        <WaitingTile
          waiting={waiting}
          decisionsPath={path("decisions")}
          charterPath={path("charter")}
        />
        <IssuesTile summary={openIssues} path={path("issues")} />
        <ContributionsTile totals={contributions} path={path("organizations")} />
        <MeetingsTile
          rhythm={rhythm ?? null}
          partnershipId={partnershipId}
          path={path("meetings")}
        />
        <WinsTile posts={wins} path={path("updates")} />
        <HealthTile
          points={healthPoints}
          organizationIds={shownOrganizations}
          path={path("health")}
        />
      </div>
    </section>
  );
}
