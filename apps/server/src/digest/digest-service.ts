import { formatDocumentName } from "@entente/domain";
import type {
  DigestAction,
  DigestContent,
  DigestKpiMove,
  DigestPeriodKind,
  DigestPost,
  DigestView,
  Language,
} from "@entente/protocol";
import { readDecisions, readObjectives, readValues } from "@entente/schema";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { GovernanceService } from "../governance/governance-service.js";
import { DomainError } from "../domain-error.js";
import type { DocumentReader } from "../sync/document-reader.js";
import { renderDigest } from "./render-digest.js";

export const PERIOD_MS: Record<DigestPeriodKind, number> = {
  day: 24 * 60 * 60 * 1000,
  week: 7 * 24 * 60 * 60 * 1000,
};

/** Statuses after which an action is no longer overdue, whatever its date. */
const FINISHED = new Set(["done", "cancelled"]);

/**
 * Gathers a partnership's digest for one organization over the period ending at `to`:
 * successes and difficulties posted, proposed decisions still waiting for this
 * organization's vote, overdue actions, and KPIs measured in the period (from the value
 * before, or nothing, to the latest). Then renders it (see {@link renderDigest}).
 */
export class DigestService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly documents: DocumentReader,
    private readonly governance: GovernanceService,
  ) {}

  async digest(
    partnershipId: string,
    organizationId: string,
    kind: DigestPeriodKind,
    to: Date,
    language: Language,
  ): Promise<DigestView> {
    const content = await this.gather(partnershipId, organizationId, kind, to);
    return { ...content, language, ...renderDigest(content, language) };
  }

  /** Whether a digest has anything to say (empty ones are not e-mailed). */
  static isEmpty(content: DigestContent): boolean {
    return (
      content.wins.length +
        content.difficulties.length +
        content.decisionsWaiting.length +
        content.overdueActions.length +
        content.kpiMoves.length +
        (content.openHealthChecks?.length ?? 0) ===
      0
    );
  }

  async gather(
    partnershipId: string,
    organizationId: string,
    kind: DigestPeriodKind,
    to: Date,
  ): Promise<DigestContent> {
    const from = new Date(to.getTime() - PERIOD_MS[kind]);
    const [partnership, organizations] = await Promise.all([
      this.db
        .selectFrom("partnerships")
        .select(["id", "name"])
        .where("id", "=", partnershipId)
        .executeTakeFirst(),
      this.db
        .selectFrom("partnership_organizations")
        .innerJoin("organizations", "organizations.id", "partnership_organizations.organization_id")
        .select(["organizations.id", "organizations.name"])
        .where("partnership_organizations.partnership_id", "=", partnershipId)
        .execute(),
    ]);
    const organization = organizations.find((o) => o.id === organizationId);
    if (!partnership || !organization) throw DomainError.notFound("No such partnership");
    const orgName = (id: string) => organizations.find((o) => o.id === id)?.name ?? "?";

    const [posts, decisionsWaiting, work, openHealthChecks] = await Promise.all([
      this.posts(partnershipId, from, to),
      this.decisionsWaiting(partnershipId, organizationId),
      this.objectiveWork(partnershipId, from, to, orgName),
      this.db
        .selectFrom("health_checks")
        .select(["id", "title", "opened_at"])
        .where("partnership_id", "=", partnershipId)
        .where("status", "=", "open")
        .orderBy("opened_at")
        .execute(),
    ]);
    return {
      partnership,
      organization,
      period: { kind, from: from.toISOString(), to: to.toISOString() },
      wins: posts.filter((p) => p.tag === "success").map((p) => p.post),
      difficulties: posts.filter((p) => p.tag === "difficulty").map((p) => p.post),
      decisionsWaiting,
      ...work,
      openHealthChecks: openHealthChecks.map((h) => ({
        id: h.id,
        title: h.title,
        openedAt: new Date(Number(h.opened_at)).toISOString(),
      })),
    };
  }

  private async posts(partnershipId: string, from: Date, to: Date) {
    const rows = await this.db
      .selectFrom("posts")
      .innerJoin("users", "users.id", "posts.author_user_id")
      .innerJoin("organizations", "organizations.id", "posts.author_organization_id")
      .select([
        "posts.id",
        "posts.title",
        "posts.tag",
        "posts.created_at",
        "users.name as author_name",
        "organizations.name as organization_name",
      ])
      .where("posts.partnership_id", "=", partnershipId)
      .where("posts.tag", "in", ["success", "difficulty"])
      .where("posts.deleted_at", "is", null)
      .where("posts.created_at", ">=", from.getTime())
      .where("posts.created_at", "<", to.getTime())
      .orderBy("posts.created_at")
      .orderBy("posts.id")
      .execute();
    return rows.map((row) => ({
      tag: row.tag,
      post: {
        id: row.id,
        title: row.title,
        authorName: row.author_name,
        organizationName: row.organization_name,
        createdAt: new Date(row.created_at).toISOString(),
      } satisfies DigestPost,
    }));
  }

  private async decisionsWaiting(partnershipId: string, organizationId: string) {
    const doc = await this.documents.readDocument(
      formatDocumentName({ kind: "decisions", partnershipId }),
    );
    let proposed;
    try {
      proposed = readValues(readDecisions(doc)).filter((d) => d.status === "proposed");
    } finally {
      doc.destroy();
    }
    const votes = await this.governance.decisionVotes(partnershipId);
    return proposed
      .filter((decision) => {
        const recorded = Object.hasOwn(votes, decision.id) ? votes[decision.id] : undefined;
        if (!recorded) return true;
        return (
          recorded.outcome === "pending" &&
          !recorded.votes.some((v) => v.organizationId === organizationId && v.current)
        );
      })
      .map((d) => ({
        id: d.id,
        title: d.title,
        governanceLevel: d.governanceLevel,
        proposedAt: d.createdAt,
      }));
  }

  private async objectiveWork(
    partnershipId: string,
    from: Date,
    to: Date,
    orgName: (id: string) => string,
  ): Promise<{ overdueActions: DigestAction[]; kpiMoves: DigestKpiMove[] }> {
    const doc = await this.documents.readDocument(
      formatDocumentName({ kind: "objectives", partnershipId }),
    );
    let objectives;
    try {
      objectives = readValues(readObjectives(doc));
    } finally {
      doc.destroy();
    }
    const today = to.toISOString().slice(0, 10);
    const fromDay = from.toISOString().slice(0, 10);
    const overdue = objectives.flatMap((objective) =>
      readValues(objective.actions)
        .filter((a) => a.dueDate !== null && a.dueDate < today && !FINISHED.has(a.status))
        .map((a) => ({ action: a, objectiveTitle: objective.title })),
    );
    const assigneeIds = [
      ...new Set(
        overdue.flatMap(({ action }) => (action.assigneeUserId ? [action.assigneeUserId] : [])),
      ),
    ];
    const names = new Map(
      assigneeIds.length === 0
        ? []
        : (
            await this.db
              .selectFrom("users")
              .select(["id", "name"])
              .where("id", "in", assigneeIds)
              .execute()
          ).map((u) => [u.id, u.name]),
    );
    const overdueActions = overdue
      .map(({ action, objectiveTitle }) => ({
        id: action.id,
        title: action.title,
        objectiveTitle,
        ownerOrganizationName: orgName(action.ownerOrganizationId),
        assigneeName: action.assigneeUserId ? (names.get(action.assigneeUserId) ?? null) : null,
        dueDate: action.dueDate!,
        status: action.status,
      }))
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));

    const kpiMoves = objectives.flatMap((objective) =>
      readValues(objective.kpis).flatMap((kpi): DigestKpiMove[] => {
        const measured = readValues(kpi.measurements);
        const inPeriod = measured.filter((m) => m.date >= fromDay && m.date <= today);
        const latest = inPeriod.at(-1);
        if (!latest) return [];
        const before = measured.filter((m) => m.date < fromDay).at(-1);
        return [
          {
            id: kpi.id,
            name: kpi.name,
            objectiveTitle: objective.title,
            unit: kpi.unit,
            from: before?.value ?? kpi.baseline,
            to: latest.value,
            target: kpi.target,
            direction: kpi.direction,
            measuredOn: latest.date,
          },
        ];
      }),
    );
    return { overdueActions, kpiMoves };
  }
}
