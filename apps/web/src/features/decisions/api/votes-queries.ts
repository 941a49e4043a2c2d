import { queryOptions } from "@tanstack/react-query";
import { partnershipKey, polled } from "../../../lib/query-keys";
import { votesApi } from "./votes-api";

export const votesKeys = {
  list: (partnershipId: string) => [...partnershipKey(partnershipId), "decision-votes"] as const,
};

export const votesQueries = {
  /** Every decision's votes and outcome: polled, the partner's votes carry no event. */
  list: (partnershipId: string) =>
    queryOptions({
      queryKey: votesKeys.list(partnershipId),
      queryFn: () => votesApi.list(partnershipId),
      ...polled(5_000),
    }),
};
