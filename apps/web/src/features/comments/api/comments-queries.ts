import { queryOptions } from "@tanstack/react-query";
import { partnershipKey } from "../../../lib/query-keys";
import { commentsApi } from "./comments-api";

export const commentsKeys = {
  all: (partnershipId: string) => [...partnershipKey(partnershipId), "comment-threads"] as const,
  open: (partnershipId: string) => [...commentsKeys.all(partnershipId), "open"] as const,
};

export const commentsQueries = {
  /** Every open thread of the partnership (all pages), read once for everything that shows them. */
  open: (partnershipId: string) =>
    queryOptions({
      queryKey: commentsKeys.open(partnershipId),
      queryFn: () => commentsApi.listAll(partnershipId, { status: "open", scope: null }),
    }),
};
