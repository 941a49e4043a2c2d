/**
 * What the other features use of collab (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { ConnectionStatus } from "./components/connection-status";
export { LiveDocumentsProvider } from "./components/live-documents-provider";
export { PresenceList } from "./components/presence-list";
export { PresenceStrip } from "./components/presence-strip";
export type { CollabDocument, CollabSession } from "./hooks/use-collab-document";
export { useDocumentValues } from "./hooks/use-document-values";
export { useLiveDocuments } from "./hooks/use-live-documents";
export { parseCollabUser, type CollabUser } from "./state/collab-user";
export type { ConnectionState, DeniedReason } from "./state/connection-state";
