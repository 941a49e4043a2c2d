import type { HealthCheckResponse } from "@entente/protocol";
import { readValues, type Action, type Kpi } from "@entente/schema";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { PartnershipExport } from "../export/partnership-markdown.js";

/** The period a review covers, both ends included (YYYY-MM-DD). */
export interface ReviewPeriod {
  from: string;
  to: string;
}

export interface ReviewKpi {
  objective: string;
  kpi: Kpi;
  /** Target changes within the period (marked on the chart). */
  targetChanges: { date: string; target: number }[];
}

export interface ReviewDecision {
  title: string;
  outcome: "approved" | "rejected";
  decidedOn: string;
  governanceLevel: string;
}

export interface ReviewContribution {
  organization: string;
  kind: string;
  description: string;
  unit: string;
  promised: number | null;
  delivered: number | null;
}

export interface ReviewPost {
  tag: "success" | "difficulty";
  title: string;
  organization: string;
  date: string;
}

export interface ReviewObjective {
  title: string;
  status: string;
  actionsDone: number;
  actionsTotal: number;
}

export interface ReviewNextAction {
  title: string;
  objective: string;
  organization: string;
  dueDate: string | null;
  overdue: boolean;
}

/** The radar of the latest health check closed in the period (null: none closed then). */
export interface ReviewHealthCheck {
  title: string;
  dimensions: { key: string; label: string }[];
  /** Per organization name: average per dimension key, absent while hidden. */
  averages: { organization: string; values: Record<string, number> | null }[];
}

export interface ReviewData {
  partnership: string;
  organizations: string[];
  period: ReviewPeriod;
  generatedAt: Date;
  kpis: ReviewKpi[];
  objectives: ReviewObjective[];
  decisions: ReviewDecision[];
  contributions: ReviewContribution[];
  healthCheck: ReviewHealthCheck | null;
  posts: ReviewPost[];
  nextActions: ReviewNextAction[];
  nextMeetings: { title: string; level: string; startsAt: string }[];
}

const DAY = 86_400_000;

/** `from`/`to` as given, or the last 90 days up to today. */
export function reviewPeriod(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): ReviewPeriod {
  const to = query.to ?? now.toISOString().slice(0, 10);
  const from =
    query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 90 * DAY).toISOString().slice(0, 10);
  return { from, to };
}

const inPeriod = (date: string, period: ReviewPeriod) => {
  const day = date.slice(0, 10);
  return day >= period.from && day <= period.to;
};

/** How soon "due soon" is for next steps: within 30 days after the period's end. */
const SOON_DAYS = 30;

/**
 * What the review pack shows, out of what the caller may export (`data`, read under the
 * export's access rule) and the feed's tagged posts of the period.
 */
export async function gatherReview(
  db: Kysely<Database>,
  partnershipId: string,
  data: PartnershipExport,
  period: ReviewPeriod,
  healthCheck: HealthCheckResponse | null = null,
): Promise<ReviewData> {
  const orgName = new Map(data.organizations.map((o) => [o.id, o.name]));
  const org = (id: string) => orgName.get(id) ?? "?";
  const objectives = readValues(data.objectives);

  const kpis: ReviewKpi[] = [];
  const reviewObjectives: ReviewObjective[] = [];
  const actions: { action: Action; objective: string }[] = [];
  for (const objective of objectives) {
    const own = readValues(objective.actions);
    reviewObjectives.push({
      title: objective.title,
      status: objective.status,
      actionsDone: own.filter((a) => a.status === "done").length,
      actionsTotal: own.length,
    });
    for (const action of own) actions.push({ action, objective: objective.title });
    for (const kpi of readValues(objective.kpis)) {
      kpis.push({
        objective: objective.title,
        kpi,
        targetChanges: readValues(kpi.targetHistory)
          .slice(1)
          .filter((t) => inPeriod(t.changedAt, period))
          .map((t) => ({ date: t.changedAt.slice(0, 10), target: t.target })),
      });
    }
  }

  const decisions: ReviewDecision[] = [];
  for (const entry of data.decisions) {
    if (!entry.ok) continue;
    const votes = data.votes[entry.value.id];
    if (!votes || votes.outcome === "pending") continue;
    const decidedOn = votes.votes
      .filter((v) => v.current)
      .map((v) => v.votedAt)
      .sort()
      .at(-1);
    if (!decidedOn || !inPeriod(decidedOn, period)) continue;
    decisions.push({
      title: votes.agreed?.title ?? entry.value.title,
      outcome: votes.outcome,
      decidedOn: decidedOn.slice(0, 10),
      governanceLevel: votes.agreed?.governanceLevel ?? entry.value.governanceLevel,
    });
  }
  decisions.sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));

  const contributions: ReviewContribution[] = [];
  for (const { organizationId, profile } of data.profiles) {
    for (const c of readValues(profile.contributions)) {
      contributions.push({
        organization: org(organizationId),
        kind: c.kind,
        description: c.description,
        unit: c.unit,
        promised: c.promisedAmount,
        delivered: c.deliveredAmount,
      });
    }
  }

  const fromMs = Date.parse(`${period.from}T00:00:00Z`);
  const toMs = Date.parse(`${period.to}T00:00:00Z`) + DAY;
  const rows = await db
    .selectFrom("posts")
    .select(["tag", "title", "author_organization_id", "created_at"])
    .where("partnership_id", "=", partnershipId)
    .where("tag", "in", ["success", "difficulty"])
    .where("body", "!=", "null")
    .where("created_at", ">=", fromMs)
    .where("created_at", "<", toMs)
    .orderBy("created_at", "asc")
    .execute();
  const posts: ReviewPost[] = rows.map((row) => ({
    tag: row.tag as "success" | "difficulty",
    title: row.title,
    organization: org(row.author_organization_id),
    date: new Date(Number(row.created_at)).toISOString().slice(0, 10),
  }));

  const soon = new Date(Date.parse(`${period.to}T00:00:00Z`) + SOON_DAYS * DAY)
    .toISOString()
    .slice(0, 10);
  const nextActions = actions
    .filter(({ action }) => action.status !== "done" && action.status !== "cancelled")
    .filter(({ action }) => action.dueDate !== null && action.dueDate <= soon)
    .map(({ action, objective }) => ({
      title: action.title,
      objective,
      organization: org(action.ownerOrganizationId),
      dueDate: action.dueDate,
      overdue: action.dueDate !== null && action.dueDate < period.to,
    }))
    .sort((a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? ""));

  const nextMeetings = data.meetings
    .map(({ meeting }) => meeting)
    .filter((m) => m.startsAt >= data.exportedAt.toISOString())
    .slice(0, 5)
    .map((m) => ({ title: m.title, level: m.level, startsAt: m.startsAt }));

  return {
    partnership: data.partnership.name,
    organizations: data.organizations.map((o) => o.name),
    period,
    generatedAt: data.exportedAt,
    kpis,
    objectives: reviewObjectives,
    decisions,
    contributions,
    healthCheck: healthCheck ? reviewHealthCheck(healthCheck, org) : null,
    posts,
    nextActions,
    nextMeetings,
  };
}

/** A closed cycle's results as the pack's radar: averages per organization name, null while hidden. */
function reviewHealthCheck(
  check: HealthCheckResponse,
  org: (id: string) => string,
): ReviewHealthCheck {
  return {
    title: check.healthCheck.title,
    dimensions: check.healthCheck.dimensions.map(({ key, label }) => ({ key, label })),
    averages: check.results.map((result) => ({
      organization: org(result.organizationId),
      values: result.hidden ? null : (result.averages ?? null),
    })),
  };
}
