import type { ConnectionSnapshot } from "./connection-state";

/**
 * What the header says about saving: `synced` ("Saved": the server acknowledged every
 * local change), `saving` (connected, some change not acknowledged yet), `offline` (no
 * connection; changes wait), `reconnecting` (the connection was lost, trying again),
 * `connecting` (first connection), `denied` (the server refused the document for good).
 */
export type SyncState = "connecting" | "synced" | "saving" | "offline" | "reconnecting" | "denied";

export interface SyncStatus {
  state: SyncState;
  /** Local changes the server has not acknowledged yet. */
  pending: number;
}

/** Failed attempts in a row after which a lost connection reads as offline, not reconnecting. */
export const OFFLINE_AFTER_FAILED_ATTEMPTS = 3;

/** One document's status from its provider facts and its unacknowledged changes. */
export function documentSyncState(snapshot: ConnectionSnapshot, pending: number): SyncState {
  if (snapshot.denied) return "denied";
  if (!snapshot.browserOnline) return "offline";
  if (snapshot.socket === "connected" && snapshot.synced) return pending > 0 ? "saving" : "synced";
  if (snapshot.failedAttempts >= OFFLINE_AFTER_FAILED_ATTEMPTS) return "offline";
  return snapshot.syncedBefore || snapshot.failedAttempts > 0 ? "reconnecting" : "connecting";
}

/** Most urgent first: a page is only "Saved" when every one of its documents is. */
const PRECEDENCE: readonly SyncState[] = [
  "denied",
  "offline",
  "reconnecting",
  "saving",
  "connecting",
  "synced",
];

/** The one status of a page from its open documents' statuses; `null` when none is open. */
export function pageSyncStatus(documents: Iterable<SyncStatus>): SyncStatus | null {
  let rank = Number.POSITIVE_INFINITY;
  let pending = 0;
  let any = false;
  for (const document of documents) {
    any = true;
    pending += document.pending;
    rank = Math.min(rank, PRECEDENCE.indexOf(document.state));
  }
  if (!any) return null;
  const state = PRECEDENCE[rank] ?? "connecting";
  // A change waiting anywhere makes "Saved" untrue even if the rest is synced.
  return { state: state === "synced" && pending > 0 ? "saving" : state, pending };
}

/** Whether leaving now would lose changes the server has not acknowledged. */
export function hasUnsavedChanges(status: SyncStatus | null): boolean {
  return status !== null && status.pending > 0;
}
