import type { DecisionVotesView, DecisionVoteValue, DecisionVoteView } from "@entente/protocol";
import type { Decision } from "@entente/schema";
import { useCallback, useMemo, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { usePartnershipContext } from "../../partnerships";
import { votesApi } from "../api/votes-api";
import { contentVersionOf } from "../state/content-version";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { votesKeys, votesQueries } from "../api/votes-queries";

const NO_VOTES: DecisionVotesView = { outcome: "pending", contentVersion: "", votes: [] };

/**
 * The votes on every decision and their outcome, as the server stamps them (polled so the
 * partner's votes show up), and `vote` for the user's organization, on the text it shows.
 */
export function useDecisionVotes() {
  const { partnershipId } = usePartnershipContext();
  const query = useQuery(votesQueries.list(partnershipId));
  const queryClient = useQueryClient();
  const data = query.data ?? null;
  const error = query.error;
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: votesKeys.list(partnershipId) }),
    [queryClient, partnershipId],
  );
  const [pending, setPending] = useState<string | null>(null);
  const [errors, setErrors] = useState<Readonly<Record<string, ApiError>>>({});

  /** Every organization's latest vote on every decision (`null` until read). */
  const cast = useMemo<DecisionVoteView[] | null>(
    () => (data ? Object.values(data.decisions).flatMap((view) => view.votes) : null),
    [data],
  );

  const votesOf = useCallback(
    (decisionId: string): DecisionVotesView => data?.decisions[decisionId] ?? NO_VOTES,
    [data],
  );

  const vote = useCallback(
    async (decision: Decision, choice: DecisionVoteValue, comment: string) => {
      const decisionId = decision.id;
      setPending(decisionId);
      setErrors(({ [decisionId]: _old, ...rest }) => rest);
      try {
        await votesApi.vote(
          partnershipId,
          decisionId,
          choice,
          comment.trim() || undefined,
          await contentVersionOf(decision),
        );
      } catch (caught) {
        const apiError =
          caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught));
        setErrors((current) => ({ ...current, [decisionId]: apiError }));
      } finally {
        setPending(null);
        await refresh();
      }
    },
    [partnershipId, refresh],
  );

  return { loaded: data !== null, loadError: error, cast, votesOf, vote, pending, errors };
}
