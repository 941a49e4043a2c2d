import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { useCollabDocument } from "../hooks/use-collab-document";
import type { CollabUser } from "../state/collab-user";
import { LiveDocumentsContext } from "../state/live-documents-context";
import { LiveDocumentStore } from "../state/live-document-store";

/**
 * Keeps the live documents of a page open: a section asks for the documents it reads
 * (`useLiveDocuments`), and each one is opened once, by `useCollabDocument`, and stays open
 * until the page goes. Switching sections then shows the same documents at once, already
 * synced, and the partner's edits keep arriving meanwhile.
 */
export function LiveDocumentsProvider({
  user,
  children,
}: {
  user: CollabUser;
  children: ReactNode;
}) {
  const [store] = useState(() => new LiveDocumentStore());
  const [names, setNames] = useState<readonly string[]>([]);

  const open = useCallback((wanted: readonly string[]) => {
    setNames((current) => {
      const missing = wanted.filter((name) => !current.includes(name));
      return missing.length === 0 ? current : [...current, ...missing];
    });
  }, []);

  const value = useMemo(() => ({ store, open }), [store, open]);
  return (
    <LiveDocumentsContext.Provider value={value}>
      {names.map((name) => (
        <DocumentSlot key={name} name={name} user={user} store={store} />
      ))}
      {children}
    </LiveDocumentsContext.Provider>
  );
}

/** One open document: `useCollabDocument` owns it; the store lets every reader see it. */
function DocumentSlot({
  name,
  user,
  store,
}: {
  name: string;
  user: CollabUser;
  store: LiveDocumentStore;
}) {
  const { document, status, deniedReason } = useCollabDocument(name, user);
  useEffect(() => {
    store.set(name, { document, status, deniedReason });
  }, [store, name, document, status, deniedReason]);
  useEffect(() => () => store.delete(name), [store, name]);
  return null;
}
