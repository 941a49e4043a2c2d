/*
 * Two-key KPI targets: on an objective several organizations own, a new target is a
 * proposal until every owning organization agreed; the server records who proposed and
 * who agreed, and appends the agreed target to the KPI's target history itself.
 */
import { z } from "zod";

/** Where a target proposal stands. */
export const KpiTargetProposalStatus = z.enum(["pending", "applied", "withdrawn", "replaced"]);
export type KpiTargetProposalStatus = z.infer<typeof KpiTargetProposalStatus>;

/** One organization's agreement to a proposal, stamped by the server. */
export const KpiTargetAgreementView = z.strictObject({
  organizationId: z.string(),
  userId: z.string(),
  userName: z.string(),
  agreedAt: z.string(),
});
export type KpiTargetAgreementView = z.infer<typeof KpiTargetAgreementView>;

const Proposer = z.strictObject({
  userId: z.string(),
  userName: z.string(),
  organizationId: z.string(),
});

/** A proposed target, with the agreements it gathered. */
export const KpiTargetProposalView = z.strictObject({
  id: z.string(),
  objectiveId: z.string(),
  kpiId: z.string(),
  target: z.number(),
  note: z.string().nullable(),
  status: KpiTargetProposalStatus,
  proposedBy: Proposer,
  proposedAt: z.string(),
  /** Organizations whose agreement it needs (the objective's owners). */
  requiredOrganizationIds: z.array(z.string()),
  /** The agreements that count, in the order the organizations gave them. */
  agreements: z.array(KpiTargetAgreementView),
  /** Required organizations that have not agreed yet. */
  awaitingOrganizationIds: z.array(z.string()),
  /** When it became the KPI's target, was withdrawn or replaced. */
  resolvedAt: z.string().nullable(),
  /** Who withdrew it, when withdrawn. */
  withdrawnBy: Proposer.nullable(),
});
export type KpiTargetProposalView = z.infer<typeof KpiTargetProposalView>;

/** One entry of a KPI's target history, with the server's record of it when there is one. */
export const KpiTargetHistoryEntry = z.strictObject({
  target: z.number(),
  note: z.string().nullable(),
  changedBy: z.string(),
  organizationId: z.string(),
  changedAt: z.string(),
  /** The proposal it came from (proposer and agreements); `null` for a KPI's first target. */
  proposal: KpiTargetProposalView.nullable(),
});
export type KpiTargetHistoryEntry = z.infer<typeof KpiTargetHistoryEntry>;

/** A KPI's agreed target, the proposal waiting for agreement, and its target history. */
export const KpiTargetsView = z.strictObject({
  objectiveId: z.string(),
  kpiId: z.string(),
  /** The target in force: the last entry of its history. */
  agreedTarget: z.number(),
  pending: KpiTargetProposalView.nullable(),
  /** Oldest first. */
  history: z.array(KpiTargetHistoryEntry),
});
export type KpiTargetsView = z.infer<typeof KpiTargetsView>;

/** `GET /api/partnerships/:id/kpis/targets`: every readable KPI, by id. */
export const KpiTargetsResponse = z.strictObject({
  kpis: z.record(z.string(), KpiTargetsView),
});
export type KpiTargetsResponse = z.infer<typeof KpiTargetsResponse>;

/** Answer of proposing, agreeing and withdrawing. */
export const KpiTargetProposalResponse = z.strictObject({
  proposal: KpiTargetProposalView,
  /** True when this call made it the KPI's target. */
  applied: z.boolean(),
});
export type KpiTargetProposalResponse = z.infer<typeof KpiTargetProposalResponse>;
