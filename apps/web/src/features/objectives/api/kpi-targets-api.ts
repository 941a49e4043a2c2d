import type { KpiTargetProposalResponse, KpiTargetsResponse } from "@entente/protocol";
import type { ProposeTargetBody, RequestBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

const proposals = (partnershipId: string, kpiId: string) =>
  `/api/partnerships/${segment(partnershipId)}/kpis/${segment(kpiId)}/target-proposals`;

/** KPI targets as the server records them: proposals, agreements per organization, history. */
export const kpiTargetsApi = {
  list: (partnershipId: string) =>
    api.get<KpiTargetsResponse>(`/api/partnerships/${segment(partnershipId)}/kpis/targets`),

  /** Applied at once when the user's organization owns the objective alone. */
  propose: (partnershipId: string, kpiId: string, target: number, note?: string) =>
    api.post<KpiTargetProposalResponse>(
      proposals(partnershipId, kpiId),
      (note ? { target, note } : { target }) satisfies RequestBody<typeof ProposeTargetBody>,
    ),

  /** A 409 once the proposal was applied, replaced or withdrawn. */
  agree: (partnershipId: string, kpiId: string, proposalId: string) =>
    api.post<KpiTargetProposalResponse>(
      `${proposals(partnershipId, kpiId)}/${segment(proposalId)}/agree`,
      {},
    ),

  withdraw: (partnershipId: string, kpiId: string, proposalId: string) =>
    api.post<KpiTargetProposalResponse>(
      `${proposals(partnershipId, kpiId)}/${segment(proposalId)}/withdraw`,
      {},
    ),
};
