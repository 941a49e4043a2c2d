import type {
  DocumentVersionResponse,
  DocumentVersionView,
  VersionCompareResponse,
} from "@entente/protocol";
import { useCallback, useMemo, useState } from "react";
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
  // Callers build the document anew on each render; its path names it.
  const documentHistory = useMemo(() => historyApi(document), [path]);
  const query = useQuery(historyQueries.list(document));
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
        await documentHistory.name(label);
        await refresh();
      }),
    [documentHistory, refresh, run],
  );
  const restore = useCallback(
    (versionId: string) =>
      run(async () => {
        await documentHistory.restore(versionId);
        setView(null);
        await refresh();
      }),
    [documentHistory, refresh, run],
  );
  const open = useCallback(
    (versionId: string) =>
      run(async () => setView({ kind: "version", data: await documentHistory.get(versionId) })),
    [documentHistory, run],
  );
  const compare = useCallback(
    (from: string, to: string = CURRENT_VERSION) =>
      run(async () => setView({ kind: "compare", data: await documentHistory.compare(from, to) })),
    [documentHistory, run],
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
