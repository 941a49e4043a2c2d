import type {
  DocumentVersionResponse,
  DocumentVersionView,
  VersionCompareResponse,
} from "@entente/protocol";
import { useCallback, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import {
  CURRENT_VERSION,
  historyApi,
  versionsPath,
  type VersionedDocument,
} from "../api/history-api";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { historyKeys, historyQueries } from "../api/history-queries";

/** What the history shows beside the list: one version read-only, or a comparison. */
export type VersionView =
  | { kind: "version"; data: DocumentVersionResponse }
  | { kind: "compare"; data: VersionCompareResponse };

function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught));
}

/**
 * The versions of a rich-text document, polled (the partner names and restores too), and
 * what the user does with them: name the current state, open one, compare two, restore one.
 */
export function useVersionHistory(document: VersionedDocument) {
  const path = versionsPath(document);
  const query = useQuery(historyQueries.list(path));
  const queryClient = useQueryClient();
  const data = query.data ?? null;
  const loadError = query.error;
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: historyKeys.list(path) }),
    [queryClient, path],
  );
  const [view, setView] = useState<VersionView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  const run = useCallback(async (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setPending(false);
    }
  }, []);

  const name = useCallback(
    (label: string) =>
      run(async () => {
        await historyApi.name(path, label);
        await refresh();
      }),
    [path, refresh, run],
  );
  const restore = useCallback(
    (versionId: string) =>
      run(async () => {
        await historyApi.restore(path, versionId);
        setView(null);
        await refresh();
      }),
    [path, refresh, run],
  );
  const open = useCallback(
    (versionId: string) =>
      run(async () => setView({ kind: "version", data: await historyApi.get(path, versionId) })),
    [path, run],
  );
  const compare = useCallback(
    (from: string, to: string = CURRENT_VERSION) =>
      run(async () => setView({ kind: "compare", data: await historyApi.compare(path, from, to) })),
    [path, run],
  );

  const versions: DocumentVersionView[] = data?.versions ?? [];
  return {
    versions,
    loaded: data !== null,
    loadError,
    error,
    pending,
    view,
    close: () => setView(null),
    name,
    restore,
    open,
    compare,
  };
}

export type VersionHistory = ReturnType<typeof useVersionHistory>;

/** The newest version that records `organizationId`'s endorsement. */
export function latestEndorsedBy(
  versions: readonly DocumentVersionView[],
  organizationId: string,
): DocumentVersionView | null {
  return versions.find((version) => version.endorsedBy.includes(organizationId)) ?? null;
}
