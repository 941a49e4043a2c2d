import { queryOptions } from "@tanstack/react-query";
import { partnershipKey, polled } from "../../../lib/query-keys";
import { charterApi } from "./charter-api";

export const charterKeys = {
  status: (partnershipId: string) => [...partnershipKey(partnershipId), "charter-status"] as const,
};

export const charterQueries = {
  /** The charter's ratification: polled, the partner's endorsements carry no event. */
  status: (partnershipId: string) =>
    queryOptions({
      queryKey: charterKeys.status(partnershipId),
      queryFn: () => charterApi.status(partnershipId),
      ...polled(5_000),
    }),
};
