import { GOVERNANCE_LEVELS, type GovernanceLevel } from "@entente/domain";
import type { CharterStatus, DecisionVotesView, PostView } from "@entente/protocol";
import {
  ACTION_STATUSES,
  SEVERITIES,
  type Action,
  type ActionStatus,
  type Decision,
  type Issue,
  type Kpi,
  type Objective,
  type Contribution,
  type ReadResult,
  type Severity,
} from "@entente/schema";

/** Filters by owning organizations, as the lens does (`useLens().shows`). */
export type Shows = (organizationIds: string | readonly string[]) => boolean;

function readable<T>(entries: readonly ReadResult<T>[]): T[] {
  return entries.flatMap((entry) => (entry.ok ? [entry.value] : []));
}

/** One point of a KPI's chart: the measurement and the target in force that day. */
export interface KpiPoint {
  date: string;
  value: number;
  target: number;
}

/** A KPI drawn over time, with the days its target changed. */
export interface KpiTrend {
  objectiveId: string;
  kpi: Kpi;
  points: KpiPoint[];
  /** The days the target changed after the first one (marked on the chart). */
  targetChanges: { date: string; target: number }[];
  latest: KpiPoint | null;
  /** Where the latest measurement stands against its target, by the KPI's direction. */
  onTrack: boolean | null;
}

/** The target in force on `date`: the last change on or before it, else the first one. */
function targetOn(kpi: Kpi, history: { date: string; target: number }[], date: string): number {
  let target = history[0]?.target ?? kpi.target;
  for (const change of history) if (change.date <= date) target = change.target;
  return target;
}

/** The KPIs of the objectives the lens shows, each as a series of measurements against target. */
export function kpiTrends(objectives: readonly Objective[], shows: Shows): KpiTrend[] {
  return objectives
    .filter((o) => shows(o.ownerOrganizationIds))
    .flatMap((objective) =>
      readable(objective.kpis).map((kpi) => {
        const history = readable(kpi.targetHistory)
          .map((c) => ({ date: c.changedAt.slice(0, 10), target: c.target }))
          .sort((a, b) => a.date.localeCompare(b.date));
        const points = readable(kpi.measurements)
          .map((m) => ({ date: m.date, value: m.value, target: targetOn(kpi, history, m.date) }))
          .sort((a, b) => a.date.localeCompare(b.date));
        const latest = points.at(-1) ?? null;
        const onTrack =
          latest === null
            ? null
            : kpi.direction === "increase"
              ? latest.value >= latest.target
              : kpi.direction === "decrease"
                ? latest.value <= latest.target
                : latest.value === latest.target;
        return {
          objectiveId: objective.id,
          kpi,
          points,
          targetChanges: history.slice(1),
          latest,
          onTrack,
        };
      }),
    );
}

/** An action with the objective it serves. */
export interface DashboardAction {
  objectiveId: string;
  action: Action;
  overdue: boolean;
}

/** Actions tile: counts by status for each owner organization, and the open ones, overdue first. */
export interface ActionsSummary {
  byOrganization: { organizationId: string; counts: Record<ActionStatus, number> }[];
  /** Not done nor cancelled: overdue first (oldest due date first), then by due date. */
  open: DashboardAction[];
  overdueCount: number;
}

const CLOSED_ACTIONS: readonly ActionStatus[] = ["done", "cancelled"];

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** `today` is an ISO date (YYYY-MM-DD); an action due before it and still open is overdue. */
export function summarizeActions(
  objectives: readonly Objective[],
  organizationIds: readonly string[],
  shows: Shows,
  today: string,
): ActionsSummary {
  const all = objectives.flatMap((objective) =>
    readable(objective.actions)
      .filter((action) => shows(action.ownerOrganizationId))
      .map((action) => ({
        objectiveId: objective.id,
        action,
        overdue:
          !CLOSED_ACTIONS.includes(action.status) &&
          action.dueDate !== null &&
          action.dueDate < today,
      })),
  );
  const byOrganization = organizationIds
    .filter((id) => shows(id))
    .map((organizationId) => {
      const counts = emptyCounts(ACTION_STATUSES);
      for (const { action } of all)
        if (action.ownerOrganizationId === organizationId) counts[action.status] += 1;
      return { organizationId, counts };
    });
  const open = all
    .filter(({ action }) => !CLOSED_ACTIONS.includes(action.status))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.action.dueDate ?? "9999").localeCompare(b.action.dueDate ?? "9999"),
    );
  return { byOrganization, open, overdueCount: open.filter((a) => a.overdue).length };
}

/** Open issues (open or in progress) counted by severity and by escalation level. */
export interface IssuesSummary {
  open: Issue[];
  bySeverity: Record<Severity, number>;
  byLevel: Record<GovernanceLevel, number>;
}

export function summarizeIssues(issues: readonly Issue[], shows: Shows): IssuesSummary {
  const open = issues.filter(
    (i) => (i.status === "open" || i.status === "in_progress") && shows(i.ownerOrganizationId),
  );
  const bySeverity = emptyCounts(SEVERITIES);
  const byLevel = emptyCounts(GOVERNANCE_LEVELS);
  for (const issue of open) {
    bySeverity[issue.severity] += 1;
    byLevel[issue.escalationLevel] += 1;
  }
  return { open, bySeverity, byLevel };
}

/** What an organization has yet to do: vote on proposed decisions, endorse the charter. */
export interface Waiting {
  organizationId: string;
  decisions: Decision[];
  charter: boolean;
}

/**
 * For each organization the lens shows: the proposed decisions it has no current vote on,
 * and whether its latest endorsement is not of the charter as it is now.
 */
export function waitingOn(
  decisions: readonly Decision[],
  votesOf: (decisionId: string) => DecisionVotesView,
  charter: CharterStatus | null,
  organizationIds: readonly string[],
  shows: Shows,
): Waiting[] {
  const proposed = decisions.filter(
    (d) => d.status === "proposed" && votesOf(d.id).outcome === "pending",
  );
  return organizationIds
    .filter((id) => shows(id))
    .map((organizationId) => ({
      organizationId,
      decisions: proposed.filter(
        (d) => !votesOf(d.id).votes.some((v) => v.organizationId === organizationId && v.current),
      ),
      charter:
        charter !== null &&
        !charter.empty &&
        !charter.endorsements.some((e) => e.organizationId === organizationId && e.current),
    }));
}

/** Promised and delivered amounts of one organization in one unit. */
export interface ContributionTotal {
  organizationId: string;
  unit: string;
  promised: number;
  delivered: number;
}

/** Contributions summed per organization and unit (amounts in different units never add up). */
export function contributionTotals(
  profiles: readonly {
    organizationId: string;
    contributions: readonly ReadResult<Contribution>[];
  }[],
  shows: Shows,
): ContributionTotal[] {
  const totals: ContributionTotal[] = [];
  for (const profile of profiles) {
    if (!shows(profile.organizationId)) continue;
    for (const c of readable(profile.contributions)) {
      if (c.promisedAmount === null && c.deliveredAmount === null) continue;
      let total = totals.find(
        (t) => t.organizationId === profile.organizationId && t.unit === c.unit,
      );
      if (!total) {
        total = { organizationId: profile.organizationId, unit: c.unit, promised: 0, delivered: 0 };
        totals.push(total);
      }
      total.promised += c.promisedAmount ?? 0;
      total.delivered += c.deliveredAmount ?? 0;
    }
  }
  return totals;
}

/** The latest posts tagged success or difficulty whose author's organization the lens shows. */
export function winsAndDifficulties(
  posts: readonly PostView[],
  shows: Shows,
  limit = 5,
): PostView[] {
  return posts
    .filter(
      (p) =>
        p.deletedAt === null &&
        (p.tag === "success" || p.tag === "difficulty") &&
        shows(p.author.organizationId),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
}
