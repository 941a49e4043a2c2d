import { api } from "../../../lib/api-client";

/** KPI targets as the server records them: proposals, agreements per organization, history. */
export const kpiTargetsApi = {
  list: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/kpis/targets", { id: partnershipId }),

  /** Applied at once when the user's organization owns the objective alone. */
  propose: (partnershipId: string, kpiId: string, target: number, note?: string) =>
    api.call(
      "POST /api/partnerships/:id/kpis/:kpiId/target-proposals",
      { id: partnershipId, kpiId },
      note ? { target, note } : { target },
    ),

  /** A 409 once the proposal was applied, replaced or withdrawn. */
  agree: (partnershipId: string, kpiId: string, proposalId: string) =>
    api.call(
      "POST /api/partnerships/:id/kpis/:kpiId/target-proposals/:proposalId/agree",
      { id: partnershipId, kpiId, proposalId },
      {},
    ),

  withdraw: (partnershipId: string, kpiId: string, proposalId: string) =>
    api.call(
      "POST /api/partnerships/:id/kpis/:kpiId/target-proposals/:proposalId/withdraw",
      { id: partnershipId, kpiId, proposalId },
      {},
    ),
};
