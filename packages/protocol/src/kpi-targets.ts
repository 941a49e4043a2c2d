/**
 * Two-key KPI targets: on an objective several organizations own, a new target is a
 * proposal until every owning organization agreed; the server records who proposed and
 * who agreed, and appends the agreed target to the KPI's target history itself.
 */

/** Where a target proposal stands. */
export type KpiTargetProposalStatus = "pending" | "applied" | "withdrawn" | "replaced";

/** One organization's agreement to a proposal, stamped by the server. */
export interface KpiTargetAgreementView {
  organizationId: string;
  userId: string;
  userName: string;
  agreedAt: string;
}

/** A proposed target, with the agreements it gathered. */
export interface KpiTargetProposalView {
  id: string;
  objectiveId: string;
  kpiId: string;
  target: number;
  note: string | null;
  status: KpiTargetProposalStatus;
  proposedBy: { userId: string; userName: string; organizationId: string };
  proposedAt: string;
  /** Organizations whose agreement it needs (the objective's owners). */
  requiredOrganizationIds: string[];
  /** The agreements that count, in the order the organizations gave them. */
  agreements: KpiTargetAgreementView[];
  /** Required organizations that have not agreed yet. */
  awaitingOrganizationIds: string[];
  /** When it became the KPI's target, was withdrawn or replaced. */
  resolvedAt: string | null;
  /** Who withdrew it, when withdrawn. */
  withdrawnBy: { userId: string; userName: string; organizationId: string } | null;
}

/** One entry of a KPI's target history, with the server's record of it when there is one. */
export interface KpiTargetHistoryEntry {
  target: number;
  note: string | null;
  changedBy: string;
  organizationId: string;
  changedAt: string;
  /** The proposal it came from (proposer and agreements); `null` for a KPI's first target. */
  proposal: KpiTargetProposalView | null;
}

/** A KPI's agreed target, the proposal waiting for agreement, and its target history. */
export interface KpiTargetsView {
  objectiveId: string;
  kpiId: string;
  /** The target in force: the last entry of its history. */
  agreedTarget: number;
  pending: KpiTargetProposalView | null;
  /** Oldest first. */
  history: KpiTargetHistoryEntry[];
}

/** `GET /api/partnerships/:id/kpis/targets`: every readable KPI, by id. */
export interface KpiTargetsResponse {
  kpis: Record<string, KpiTargetsView>;
}

/** Answer of proposing, agreeing and withdrawing. */
export interface KpiTargetProposalResponse {
  proposal: KpiTargetProposalView;
  /** True when this call made it the KPI's target. */
  applied: boolean;
}
