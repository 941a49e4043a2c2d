import { useContext, useEffect, useMemo, useSyncExternalStore } from "react";
import { LiveDocumentsContext } from "../state/live-documents-context";
import type { CollabSession } from "./use-collab-document";

/**
 * The sessions of live documents, in the order of `names`, opened on first use by the
 * page's `LiveDocumentsProvider`. A document not open yet reads as `connecting`.
 */
export function useLiveDocuments(names: readonly string[]): CollabSession[] {
  const context = useContext(LiveDocumentsContext);
  if (!context) throw new Error("useLiveDocuments must be used inside <LiveDocumentsProvider>");
  const { store, open } = context;
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
