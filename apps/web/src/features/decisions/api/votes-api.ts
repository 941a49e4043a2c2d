import type { DecisionVoteValue } from "@entente/protocol";
import { api } from "../../../lib/api-client";

/** Votes on decisions as the server records them: one per organization. */
export const votesApi = {
  list: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/decisions/votes", { id: partnershipId }),

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
    api.call(
      "POST /api/partnerships/:id/decisions/:decisionId/votes",
      { id: partnershipId, decisionId },
      {
        vote,
        ...(comment ? { comment } : {}),
        ...(contentVersion ? { contentVersion } : {}),
      },
    ),
};
