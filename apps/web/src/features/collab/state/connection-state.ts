import { CloseCode } from "@entente/protocol";

/** What the user is told about a live document's connection. */
export type ConnectionState = "connecting" | "synced" | "offline" | "denied";

/** Why the provider stopped for good: session ended, access withdrawn, document deleted. */
export type DeniedReason = "unauthorized" | "forbidden" | "deleted";

/** The raw facts gathered from the provider and the browser. */
export interface ConnectionSnapshot {
  socket: "connecting" | "connected" | "disconnected";
  /** The server's state has been merged since the socket opened. */
  synced: boolean;
  /** Connection attempts that closed since the last successful open. */
  failedAttempts: number;
  browserOnline: boolean;
  denied: DeniedReason | null;
  /** The document was synced at least once (what follows a loss is a reconnection). */
  syncedBefore: boolean;
}

export const INITIAL_SNAPSHOT: ConnectionSnapshot = {
  socket: "connecting",
  synced: false,
  failedAttempts: 0,
  browserOnline: true,
  denied: null,
  syncedBefore: false,
};

export type ConnectionEvent =
  | { type: "reset" }
  | { type: "status"; status: ConnectionSnapshot["socket"] }
  | { type: "sync"; synced: boolean }
  | { type: "connection-close" }
  | { type: "browser-online"; online: boolean }
  | { type: "denied"; code: number };

export function deniedReason(code: number): DeniedReason {
  if (code === CloseCode.Unauthorized) return "unauthorized";
  return code === CloseCode.DocumentDeleted ? "deleted" : "forbidden";
}

export function reduceConnection(
  snapshot: ConnectionSnapshot,
  event: ConnectionEvent,
): ConnectionSnapshot {
  switch (event.type) {
    case "reset":
      return INITIAL_SNAPSHOT;
    case "status":
      return {
        ...snapshot,
        socket: event.status,
        synced: event.status === "connected" ? snapshot.synced : false,
        failedAttempts: event.status === "connected" ? 0 : snapshot.failedAttempts,
      };
    case "sync":
      return {
        ...snapshot,
        synced: event.synced,
        syncedBefore: snapshot.syncedBefore || event.synced,
      };
    case "connection-close":
      return { ...snapshot, synced: false, failedAttempts: snapshot.failedAttempts + 1 };
    case "browser-online":
      return { ...snapshot, browserOnline: event.online };
    case "denied":
      return {
        ...snapshot,
        synced: false,
        socket: "disconnected",
        denied: deniedReason(event.code),
      };
  }
}

/**
 * Denied wins (the provider stopped for good); then synced; the first attempts read as
 * "connecting"; once a connection was lost or refused, "offline" until the next sync.
 */
export function connectionState(snapshot: ConnectionSnapshot): ConnectionState {
  if (snapshot.denied) return "denied";
  if (!snapshot.browserOnline) return "offline";
  if (snapshot.socket === "connected") return snapshot.synced ? "synced" : "connecting";
  return snapshot.failedAttempts > 0 ? "offline" : "connecting";
}
