import { queryOptions } from "@tanstack/react-query";
import { partnershipKey, polled } from "../../../lib/query-keys";
import { feedApi } from "./feed-api";

export const feedKeys = {
  all: (partnershipId: string) => [...partnershipKey(partnershipId), "feed"] as const,
  firstPage: (partnershipId: string) => [...feedKeys.all(partnershipId), "first-page"] as const,
};

export const feedQueries = {
  /** The newest posts (the dashboard's tile); the feed's live events invalidate it. */
  firstPage: (partnershipId: string) =>
    queryOptions({
      queryKey: feedKeys.firstPage(partnershipId),
      queryFn: () => feedApi.listPosts(partnershipId, {}),
      ...polled(30_000),
    }),
};
