import type { CastVoteResponse, DecisionVotesResponse, DecisionVoteValue } from "@entente/protocol";
import type { CastVoteBody, RequestBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

/** Votes on decisions as the server records them: one per organization. */
export const votesApi = {
  list: (partnershipId: string) =>
    api.get<DecisionVotesResponse>(`/api/partnerships/${segment(partnershipId)}/decisions/votes`),

  /**
   * Votes for the user's organization on the content the user saw (`contentVersion`); a
   * 409 once the decision is decided, or when its content changed since.
   */
  vote: (
    partnershipId: string,
    decisionId: string,
    vote: DecisionVoteValue,
    comment: string | undefined,
    contentVersion: string | undefined,
  ) =>
    api.post<CastVoteResponse>(
      `/api/partnerships/${segment(partnershipId)}/decisions/${segment(decisionId)}/votes`,
      {
        vote,
        ...(comment ? { comment } : {}),
        ...(contentVersion ? { contentVersion } : {}),
      } satisfies RequestBody<typeof CastVoteBody>,
    ),
};
