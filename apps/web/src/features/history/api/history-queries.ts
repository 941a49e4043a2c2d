import { queryOptions } from "@tanstack/react-query";
import { polled } from "../../../lib/query-keys";
import { historyApi, versionsPath, type VersionedDocument } from "./history-api";

export const historyKeys = {
  /** `path`: the document's versions URL (`versionsPath`). */
  list: (path: string) => ["document-versions", path] as const,
};

export const historyQueries = {
  /** A document's named and automatic versions; polled (versions are made by the server). */
  list: (document: VersionedDocument) =>
    queryOptions({
      queryKey: historyKeys.list(versionsPath(document)),
      queryFn: () => historyApi(document).list(),
      ...polled(10_000),
    }),
};
