import type { CastVoteResponse, DecisionVotesResponse, DecisionVoteValue } from "@entente/protocol";
import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

/** Votes on decisions as the server records them: one per organization. */
export const votesApi = {
  list: (partnershipId: string) =>
    api.get<DecisionVotesResponse>(`/api/partnerships/${segment(partnershipId)}/decisions/votes`),

  /** Votes for the user's organization; a 409 once the decision is decided. */
  vote: (partnershipId: string, decisionId: string, vote: DecisionVoteValue, comment?: string) =>
    api.post<CastVoteResponse>(
      `/api/partnerships/${segment(partnershipId)}/decisions/${segment(decisionId)}/votes`,
      comment ? { vote, comment } : { vote },
    ),
};
