import { formatDocumentName } from "@entente/domain";
import type {
  KpiTargetHistoryEntry,
  KpiTargetProposalResponse,
  KpiTargetsView,
} from "@entente/protocol";
import { readObjectives, SchemaWriteError, setKpiTarget } from "@entente/schema";
import type { Kysely } from "kysely";
import type { AccessService, Seat } from "../access/access-service.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import type { DocumentReader } from "../sync/document-reader.js";
import type { EntryHistory } from "../records/entry-history.js";
import type { DocumentWriter } from "../sync/document-writer.js";
import {
  loadProposals,
  requiredNow,
  requiredOrganizations,
  toProposalView,
  type ProposalRecord,
} from "./kpi-target-records.js";

/** Two proposals made at once: the loser replaces the winner, this many times at most. */
const PROPOSE_ATTEMPTS = 5;

export interface NewTargetProposal {
  kpiId: string;
  target: number;
  note: string | null;
}

interface User {
  id: string;
  name: string;
}

interface LocatedKpi {
  objectiveId: string;
  owners: string[];
}

const conflict = (message: string) => new DomainError("conflict", message);

/**
 * Two-key KPI targets. On an objective several organizations own, a new target is a
 * proposal until every owning organization agreed (an editor or admin of each; the
 * proposer's organization agrees by proposing). A new proposal replaces the one waiting,
 * whose agreements then no longer count. Once all agreed, the server appends the target
 * to the KPI's `targetHistory`, stamped from its records; a single-owner objective's
 * editors change it at once, through the same records. Clients never append themselves.
 */
export class KpiTargetService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly documents: DocumentReader,
    private readonly writer: DocumentWriter,
    /** The server's records of the objectives' past owners (none: current owners only). */
    private readonly history?: Pick<EntryHistory, "fieldValues">,
  ) {}

  /** Every well-formed KPI: its agreed target, the proposal waiting, its history. */
  async targets(partnershipId: string): Promise<Record<string, KpiTargetsView>> {
    const organizationIds = await this.access.organizationIds(partnershipId);
    const doc = await this.documents.readDocument(this.documentName(partnershipId));
    let objectives;
    try {
      objectives = readObjectives(doc);
    } finally {
      doc.destroy();
    }
    const records = await loadProposals(this.db, partnershipId);
    const byId = new Map(records.map((record) => [record.id, record]));
    const views: [string, KpiTargetsView][] = [];
    for (const objective of objectives) {
      if (!objective.ok) continue;
      for (const kpi of objective.value.kpis) {
        if (!kpi.ok) continue;
        const history = kpi.value.targetHistory.flatMap((entry): KpiTargetHistoryEntry[] => {
          if (!entry.ok) return [];
          const change = entry.value;
          const record = change.proposalId === null ? undefined : byId.get(change.proposalId);
          // Only a record of this KPI's applied target, with the same value, vouches for it.
          const vouched =
            record?.kpiId === kpi.value.id &&
            record.status === "applied" &&
            record.target === change.target;
          return [
            {
              target: change.target,
              note: change.note,
              changedBy: change.changedBy,
              organizationId: change.organizationId,
              changedAt: change.changedAt,
              proposal: vouched ? toProposalView(record) : null,
            },
          ];
        });
        const pending = records.find(
          (record) => record.kpiId === kpi.value.id && record.status === "pending",
        );
        views.push([
          kpi.value.id,
          {
            objectiveId: objective.value.id,
            kpiId: kpi.value.id,
            agreedTarget: kpi.value.target,
            pending: pending
              ? toProposalView(
                  pending,
                  requiredNow(pending, objective.value.ownerOrganizationIds, organizationIds),
                )
              : null,
            history,
          },
        ]);
      }
    }
    // fromEntries defines own properties, whatever the ids.
    return Object.fromEntries(views);
  }

  /**
   * Proposes a new target for the caller's seat organization, replacing any proposal
   * waiting. Applied at once when the caller's organization is the objective's only owner.
   */
  async propose(
    seat: Seat,
    user: User,
    input: NewTargetProposal,
  ): Promise<KpiTargetProposalResponse> {
    const located = await this.locate(seat.partnershipId, input.kpiId);
    const organizationIds = await this.access.organizationIds(seat.partnershipId);
    const required = requiredOrganizations(located.owners, organizationIds);
    this.requireOwner(required, seat.organizationId);
    const direct = required.length === 1;

    for (let attempt = 0; attempt < PROPOSE_ATTEMPTS; attempt++) {
      const now = Date.now();
      await this.db
        .updateTable("kpi_target_proposals")
        .set({ status: "replaced", resolved_at: now })
        .where("partnership_id", "=", seat.partnershipId)
        .where("kpi_id", "=", input.kpiId)
        .where("status", "=", "pending")
        .execute();
      const id = newId();
      // No conflict target: the one-pending-per-KPI partial index is what may refuse it.
      const inserted = await this.db
        .insertInto("kpi_target_proposals")
        .values({
          id,
          partnership_id: seat.partnershipId,
          objective_id: located.objectiveId,
          kpi_id: input.kpiId,
          target: input.target,
          note: input.note,
          proposed_by_user_id: user.id,
          organization_id: seat.organizationId,
          required_organization_ids: JSON.stringify(required),
          status: "pending",
          created_at: now,
          resolved_at: null,
          withdrawn_by_user_id: null,
          withdrawn_by_organization_id: null,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows !== 1n) continue;
      await this.db
        .insertInto("kpi_target_agreements")
        .values({
          proposal_id: id,
          organization_id: seat.organizationId,
          user_id: user.id,
          created_at: now,
        })
        .execute();
      const applied = direct ? await this.apply(seat.partnershipId, id, located) : false;
      return { proposal: toProposalView(await this.record(seat.partnershipId, id)), applied };
    }
    throw conflict("Other targets were being proposed; try again");
  }

  /**
   * Records the agreement of the caller's seat organization; when every organization that
   * must agree has, the target is applied. 409 once the proposal was applied, replaced or
   * withdrawn: an agreement counts for the proposal it names only.
   */
  async agree(
    seat: Seat,
    user: User,
    kpiId: string,
    proposalId: string,
  ): Promise<KpiTargetProposalResponse> {
    const { record, located, required } = await this.pending(seat, kpiId, proposalId);
    await this.db
      .insertInto("kpi_target_agreements")
      .values({
        proposal_id: record.id,
        organization_id: seat.organizationId,
        user_id: user.id,
        created_at: Date.now(),
      })
      .onConflict((oc) => oc.columns(["proposal_id", "organization_id"]).doNothing())
      .execute();
    const after = await this.record(seat.partnershipId, record.id);
    const agreed = new Set(after.agreements.map((a) => a.organizationId));
    const complete = required.every((id) => agreed.has(id));
    const applied =
      after.status === "pending" && complete
        ? await this.apply(seat.partnershipId, record.id, located)
        : false;
    const final = await this.record(seat.partnershipId, record.id);
    if (final.status === "replaced" || final.status === "withdrawn") {
      // Replaced or withdrawn between our read and our agreement: it counts for nothing.
      throw conflict(`This proposal was ${final.status}`);
    }
    return {
      proposal: toProposalView(final, final.status === "pending" ? required : undefined),
      applied,
    };
  }

  /** Withdraws (or, from the partner's side, declines) a proposal waiting for agreement. */
  async withdraw(
    seat: Seat,
    user: User,
    kpiId: string,
    proposalId: string,
  ): Promise<KpiTargetProposalResponse> {
    const { record } = await this.pending(seat, kpiId, proposalId);
    const updated = await this.db
      .updateTable("kpi_target_proposals")
      .set({
        status: "withdrawn",
        resolved_at: Date.now(),
        withdrawn_by_user_id: user.id,
        withdrawn_by_organization_id: seat.organizationId,
      })
      .where("id", "=", record.id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict("This proposal is no longer pending");
    return {
      proposal: toProposalView(await this.record(seat.partnershipId, record.id)),
      applied: false,
    };
  }

  /** A pending proposal of the KPI that the caller's organization may act on. */
  private async pending(seat: Seat, kpiId: string, proposalId: string) {
    const [record] = await loadProposals(this.db, seat.partnershipId, { proposalId });
    if (!record || record.kpiId !== kpiId) throw DomainError.notFound("No such target proposal");
    const located = await this.locate(seat.partnershipId, kpiId);
    const organizationIds = await this.access.organizationIds(seat.partnershipId);
    const required = requiredNow(record, located.owners, organizationIds);
    this.requireOwner(required, seat.organizationId);
    if (record.status !== "pending") throw conflict(`This proposal was ${record.status}`);
    return { record, located, required };
  }

  /**
   * Makes a pending proposal the KPI's target: claims it (pending → applied, so only one
   * caller writes), then appends it to the target history, stamped with the proposer and
   * the time it was agreed. If the KPI vanished meanwhile, the claim is given back.
   */
  private async apply(partnershipId: string, proposalId: string, located: LocatedKpi) {
    const appliedAt = Date.now();
    const claimed = await this.db
      .updateTable("kpi_target_proposals")
      .set({ status: "applied", resolved_at: appliedAt })
      .where("id", "=", proposalId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;
    const record = await this.record(partnershipId, proposalId);
    const by = {
      userId: record.proposedByUserId,
      organizationId: record.organizationId,
      at: new Date(appliedAt),
    };
    try {
      await this.writer.writeDocument(this.documentName(partnershipId), by, (doc) =>
        setKpiTarget(
          doc,
          located.objectiveId,
          record.kpiId,
          record.target,
          by,
          record.note ?? undefined,
          record.id,
        ),
      );
    } catch (error) {
      await this.db
        .updateTable("kpi_target_proposals")
        .set({ status: "pending", resolved_at: null })
        .where("id", "=", proposalId)
        .where("status", "=", "applied")
        .execute();
      if (error instanceof SchemaWriteError) {
        if (error.code === "not_found") throw DomainError.notFound("No such KPI");
        throw conflict(error.message);
      }
      throw error;
    }
    return true;
  }

  private async record(partnershipId: string, proposalId: string): Promise<ProposalRecord> {
    const [record] = await loadProposals(this.db, partnershipId, { proposalId });
    if (!record) throw DomainError.notFound("No such target proposal");
    return record;
  }

  private requireOwner(required: readonly string[], organizationId: string): void {
    if (!required.includes(organizationId)) {
      throw DomainError.forbidden(
        "Only the organizations that own this objective can change its KPI targets",
      );
    }
  }

  /** The objective a KPI belongs to, and its owners; 404 when no readable objective has it. */
  private async locate(partnershipId: string, kpiId: string): Promise<LocatedKpi> {
    const doc = await this.documents.readDocument(this.documentName(partnershipId));
    try {
      for (const objective of readObjectives(doc)) {
        if (!objective.ok) continue;
        const found = objective.value.kpis.some(
          (kpi) => (kpi.ok ? kpi.value.id : kpi.id) === kpiId,
        );
        if (found) {
          return {
            objectiveId: objective.value.id,
            owners: await this.ownersEver(
              partnershipId,
              objective.value.id,
              objective.value.ownerOrganizationIds,
            ),
          };
        }
      }
    } finally {
      doc.destroy();
    }
    throw DomainError.notFound("No such KPI");
  }

  /**
   * The objective's owners now and every organization the server recorded as one of its
   * owners before: dropping the partner from the owners (anyone who may edit the document
   * can) does not let one side change a target alone.
   */
  private async ownersEver(
    partnershipId: string,
    objectiveId: string,
    current: readonly string[],
  ): Promise<string[]> {
    const recorded = this.history
      ? await this.history.fieldValues(this.documentName(partnershipId), objectiveId, "owners")
      : [];
    const owners = new Set(current);
    for (const value of recorded) {
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        for (const id of Object.keys(value)) owners.add(id);
      }
    }
    return [...owners];
  }

  private documentName(partnershipId: string): string {
    return formatDocumentName({ kind: "objectives", partnershipId });
  }
}
