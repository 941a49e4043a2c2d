import { queryOptions } from "@tanstack/react-query";
import { polled } from "../../../lib/query-keys";
import { historyApi } from "./history-api";

export const historyKeys = {
  /** `path`: the document's versions URL (`versionsPath`). */
  list: (path: string) => ["document-versions", path] as const,
};

export const historyQueries = {
  /** A document's named and automatic versions; polled (versions are made by the server). */
  list: (path: string) =>
    queryOptions({
      queryKey: historyKeys.list(path),
      queryFn: () => historyApi.list(path),
      ...polled(10_000),
    }),
};
