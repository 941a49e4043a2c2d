import { useEffect, useMemo, useSyncExternalStore } from "react";
import { useRequiredContext } from "../../../lib/required-context";
import { LiveDocumentsContext } from "../state/live-documents-context";
import type { CollabSession } from "./use-collab-document";

/**
 * The sessions of live documents, in the order of `names`, opened on first use by the
 * page's `LiveDocumentsProvider`. A document not open yet reads as `connecting`.
 */
export function useLiveDocuments(names: readonly string[]): CollabSession[] {
  const { store, open } = useRequiredContext(
    LiveDocumentsContext,
    "useLiveDocuments",
    "LiveDocumentsProvider",
  );
  const key = names.join("\n");

  useEffect(() => {
    open(key === "" ? [] : key.split("\n"));
  }, [open, key]);

  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  return useMemo(
    () => (key === "" ? [] : key.split("\n").map((name) => store.get(name))),
    // `version` is the store's change counter: a new one means some session changed.
    [store, key, version],
  );
}
