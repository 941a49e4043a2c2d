import type {
  KpiTargetAgreementView,
  KpiTargetProposalStatus,
  KpiTargetProposalView,
} from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/** A target proposal as the server recorded it, with the names the views show. */
export interface ProposalRecord {
  id: string;
  objectiveId: string;
  kpiId: string;
  target: number;
  note: string | null;
  status: KpiTargetProposalStatus;
  proposedByUserId: string;
  proposedByUserName: string;
  organizationId: string;
  requiredOrganizationIds: string[];
  createdAt: number;
  resolvedAt: number | null;
  withdrawnByUserId: string | null;
  withdrawnByUserName: string | null;
  withdrawnByOrganizationId: string | null;
  /** In the order the organizations agreed; the proposer's first. */
  agreements: KpiTargetAgreementView[];
}

/**
 * The organizations whose agreement a target needs: the objective's owners that are in the
 * partnership (and, for a recorded proposal, those it needed when proposed and still are).
 * An objective naming no organization of the partnership is owned by all of them: nobody
 * changes its target alone.
 */
export function requiredOrganizations(
  owners: readonly string[],
  partnershipOrganizationIds: readonly string[],
): string[] {
  const inPartnership = partnershipOrganizationIds.filter((id) => owners.includes(id));
  return inPartnership.length > 0 ? inPartnership : [...partnershipOrganizationIds];
}

/** Parses the stored JSON list of organization ids; a damaged value needs nobody extra. */
function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** The target proposals of a partnership (of one KPI, of one id), oldest first. */
export async function loadProposals(
  db: Kysely<Database>,
  partnershipId: string,
  filter: { kpiId?: string; proposalId?: string } = {},
): Promise<ProposalRecord[]> {
  let query = db
    .selectFrom("kpi_target_proposals as p")
    .innerJoin("users as proposer", "proposer.id", "p.proposed_by_user_id")
    .leftJoin("users as withdrawer", "withdrawer.id", "p.withdrawn_by_user_id")
    .select([
      "p.id",
      "p.objective_id",
      "p.kpi_id",
      "p.target",
      "p.note",
      "p.status",
      "p.proposed_by_user_id",
      "proposer.name as proposer_name",
      "p.organization_id",
      "p.required_organization_ids",
      "p.created_at",
      "p.resolved_at",
      "p.withdrawn_by_user_id",
      "withdrawer.name as withdrawer_name",
      "p.withdrawn_by_organization_id",
    ])
    .where("p.partnership_id", "=", partnershipId);
  if (filter.kpiId !== undefined) query = query.where("p.kpi_id", "=", filter.kpiId);
  if (filter.proposalId !== undefined) query = query.where("p.id", "=", filter.proposalId);
  const rows = await query.orderBy("p.created_at").orderBy("p.id").execute();
  if (rows.length === 0) return [];

  const agreementRows = await db
    .selectFrom("kpi_target_agreements as a")
    .innerJoin("users", "users.id", "a.user_id")
    .select(["a.proposal_id", "a.organization_id", "a.user_id", "users.name", "a.created_at"])
    .where(
      "a.proposal_id",
      "in",
      rows.map((row) => row.id),
    )
    .orderBy("a.created_at")
    .orderBy("a.organization_id")
    .execute();
  const agreements = new Map<string, KpiTargetAgreementView[]>();
  for (const row of agreementRows) {
    const list = agreements.get(row.proposal_id) ?? [];
    list.push({
      organizationId: row.organization_id,
      userId: row.user_id,
      userName: row.name,
      agreedAt: new Date(Number(row.created_at)).toISOString(),
    });
    agreements.set(row.proposal_id, list);
  }

  return rows.map((row) => ({
    id: row.id,
    objectiveId: row.objective_id,
    kpiId: row.kpi_id,
    target: Number(row.target),
    note: row.note,
    status: row.status,
    proposedByUserId: row.proposed_by_user_id,
    proposedByUserName: row.proposer_name,
    organizationId: row.organization_id,
    requiredOrganizationIds: parseIds(row.required_organization_ids),
    createdAt: Number(row.created_at),
    resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
    withdrawnByUserId: row.withdrawn_by_user_id,
    withdrawnByUserName: row.withdrawer_name,
    withdrawnByOrganizationId: row.withdrawn_by_organization_id,
    agreements: agreements.get(row.id) ?? [],
  }));
}

/**
 * Who must agree to a recorded proposal now: the organizations it needed when proposed and
 * the objective's current owners, as long as they are in the partnership. Dropping the
 * partner from the owners does not let one side apply a proposal already waiting for it.
 */
export function requiredNow(
  record: ProposalRecord,
  currentOwners: readonly string[],
  partnershipOrganizationIds: readonly string[],
): string[] {
  return requiredOrganizations(
    [...record.requiredOrganizationIds, ...currentOwners],
    partnershipOrganizationIds,
  );
}

/** The JSON shape of a recorded proposal; `required` is who must agree (see {@link requiredNow}). */
export function toProposalView(
  record: ProposalRecord,
  required: readonly string[] = record.requiredOrganizationIds,
): KpiTargetProposalView {
  const agreed = new Set(record.agreements.map((a) => a.organizationId));
  return {
    id: record.id,
    objectiveId: record.objectiveId,
    kpiId: record.kpiId,
    target: record.target,
    note: record.note,
    status: record.status,
    proposedBy: {
      userId: record.proposedByUserId,
      userName: record.proposedByUserName,
      organizationId: record.organizationId,
    },
    proposedAt: new Date(record.createdAt).toISOString(),
    requiredOrganizationIds: [...required],
    agreements: record.agreements,
    awaitingOrganizationIds:
      record.status === "pending" ? required.filter((id) => !agreed.has(id)) : [],
    resolvedAt: record.resolvedAt === null ? null : new Date(record.resolvedAt).toISOString(),
    withdrawnBy:
      record.withdrawnByUserId !== null && record.withdrawnByOrganizationId !== null
        ? {
            userId: record.withdrawnByUserId,
            userName: record.withdrawnByUserName ?? "",
            organizationId: record.withdrawnByOrganizationId,
          }
        : null,
  };
}
