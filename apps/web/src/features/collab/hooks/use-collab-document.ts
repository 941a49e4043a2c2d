import { CloseCode, TERMINAL_CLOSE_CODES } from "@entente/protocol";
import { useEffect, useReducer, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import type { WebsocketProvider } from "y-websocket";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { offlineDocumentDatabase } from "../../../lib/offline-data";
import { dropUnsentCopy, keepUnsentCopy, unsentCopy } from "../../../lib/unsent-copies";
import { probeDocumentAccess } from "../api/document-access";
import { AckTracker } from "../state/ack-tracker";
import { createCollabConnection, destroyCollabConnection } from "../state/collab-connection";
import type { CollabUser } from "../state/collab-user";
import {
  connectionState,
  INITIAL_SNAPSHOT,
  reduceConnection,
  type ConnectionState,
  type DeniedReason,
} from "../state/connection-state";
import { claimEarlyConnection } from "../state/early-connections";
import { isSyncStep2Frame, syncStep1Frame } from "../state/sync-frames";
import { syncRegistry } from "../state/sync-registry";
import { documentSyncState } from "../state/sync-state";

/** A live Yjs document and the provider that syncs it; valid until the owning hook unmounts. */
export interface CollabDocument {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
}

export interface CollabSession {
  /** `null` until the first effect ran (one render), and after unmount. */
  document: CollabDocument | null;
  status: ConnectionState;
  deniedReason: DeniedReason | null;
}

/** Where the unacknowledged-change count is kept in the document's IndexedDB database. */
const PENDING_KEY = "pending";

/** The origin of the copy a previous visit kept in localStorage (lib/unsent-copies.ts). */
const UNSENT_COPY_ORIGIN = Symbol("unsent copy");

/** At most one access probe per this interval while sockets keep failing to open. */
const PROBE_INTERVAL_MS = 10_000;

/**
 * The only owner of y-websocket providers in the app: creates the Y.Doc and provider for
 * `documentName`, publishes `user` in awareness, tracks the connection state, and destroys
 * everything on unmount or when the name changes. Components call this hook (or receive its
 * result); nothing else constructs a provider.
 */
export function useCollabDocument(documentName: string, user: CollabUser): CollabSession {
  const [document, setDocument] = useState<CollabDocument | null>(null);
  const [snapshot, dispatch] = useReducer(reduceConnection, INITIAL_SNAPSHOT);
  const [pending, setPending] = useState(0);
  const userId = user.id;

  useEffect(() => {
    // The page's script may have opened this document already (start-early-connection.ts),
    // connected and maybe synced: take it over, with the state it reached.
    const connection = claimEarlyConnection(documentName) ?? createCollabConnection(documentName);
    const { ydoc, provider } = connection;
    // The copy this user keeps of the document: opens offline, edits made offline survive
    // a reload, and whatever it holds that the server lacks is sent on the next sync.
    const databaseName = offlineDocumentDatabase(userId, documentName);
    const persistence = new IndexeddbPersistence(databaseName, ydoc);
    dispatch({ type: "reset" });
    setPending(0);

    let disposed = false;
    const tracker = new AckTracker();
    let trackedSocket: WebSocket | null = null;
    let storedPending = 0;
    // A copy the last visit kept as it went away: dropped once, when nothing waits any more.
    let copyCarried = false;
    const dropCarriedCopy = () => {
      if (!copyCarried || tracker.pending > 0) return;
      copyCarried = false;
      dropUnsentCopy(databaseName);
    };

    const publishPending = () => {
      if (disposed) return;
      setPending(tracker.pending);
      dropCarriedCopy();
      if (tracker.pending !== storedPending) {
        storedPending = tracker.pending;
        void persistence.set(PENDING_KEY, storedPending).catch(() => undefined);
      }
    };
    const probeIfDue = () => {
      const socket = provider.ws;
      if (!socket || socket.readyState !== WebSocket.OPEN) return;
      if (!tracker.shouldProbe(provider.synced)) return;
      tracker.probeSent();
      socket.send(syncStep1Frame(Y.encodeStateVector(ydoc)));
    };
    const onServerFrame = (event: MessageEvent) => {
      if (!(event.data instanceof ArrayBuffer) || !isSyncStep2Frame(new Uint8Array(event.data))) {
        return;
      }
      tracker.answerReceived();
      publishPending();
      probeIfDue();
    };
    const onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
      // The server's updates and the IndexedDB copy are not changes made here.
      if (origin === provider || origin === persistence) return;
      tracker.localUpdate();
      publishPending();
      probeIfDue();
    };
    ydoc.on("update", onLocalUpdate);
    // What the last visit copied as it went away, in case IndexedDB dropped its last writes:
    // merged as a change of this visit, so it waits for the server's acknowledgement.
    const carriedCopy = unsentCopy(databaseName);
    if (carriedCopy !== null) {
      copyCarried = true;
      try {
        Y.applyUpdate(ydoc, carriedCopy, UNSENT_COPY_ORIGIN);
      } catch {
        // Not an update (tampered with): nothing of it can be merged.
      }
      // Merged nothing new: the document already holds all of it.
      dropCarriedCopy();
    }
    const keepUnsentChanges = () => {
      if (tracker.pending > 0) keepUnsentCopy(databaseName, Y.encodeStateAsUpdate(ydoc));
    };
    window.addEventListener("pagehide", keepUnsentChanges);
    // What an earlier visit left unacknowledged still waits (sent by the next sync).
    void persistence
      .get(PENDING_KEY)
      .then((carried: unknown) => {
        if (disposed || typeof carried !== "number" || carried <= 0) return;
        tracker.carry(carried);
        publishPending();
        probeIfDue();
      })
      .catch(() => undefined);
    let opened = provider.wsconnected;
    let lastProbe = 0;

    const deny = (code: number) => {
      provider.disconnect();
      dispatch({ type: "denied", code });
    };

    // A socket that closes before it ever opened may have been refused (401/403 on the
    // upgrade, invisible to the browser); ask the HTTP API, now and then, whether that is so.
    const probe = () => {
      const now = Date.now();
      if (now - lastProbe < PROBE_INTERVAL_MS) return;
      lastProbe = now;
      void probeDocumentAccess(documentName).then((reason) => {
        if (disposed || reason === null || !provider.shouldConnect) return;
        deny(reason === "unauthorized" ? CloseCode.Unauthorized : CloseCode.Forbidden);
      });
    };

    const onStatus = ({ status }: { status: "connected" | "disconnected" | "connecting" }) => {
      if (status === "connecting") opened = false;
      if (status === "connected") {
        opened = true;
        // Emitted before the provider sends its own step 1 on the new socket.
        trackedSocket?.removeEventListener("message", onServerFrame);
        trackedSocket = provider.ws;
        trackedSocket?.addEventListener("message", onServerFrame);
        tracker.connectionOpened();
      } else if (trackedSocket) {
        trackedSocket.removeEventListener("message", onServerFrame);
        trackedSocket = null;
        tracker.connectionClosed();
      }
      dispatch({ type: "status", status });
    };
    const onSync = (synced: boolean) => {
      dispatch({ type: "sync", synced });
      probeIfDue();
    };
    const onConnectionClose = (event: CloseEvent | null) => {
      dispatch({ type: "connection-close" });
      if (event !== null && !opened && !TERMINAL_CLOSE_CODES.has(event.code)) probe();
    };
    // 4401/4403/4404 on an open socket: the provider already stopped reconnecting.
    const onClosed = ({ code }: { code: number }) => {
      if (TERMINAL_CLOSE_CODES.has(code)) deny(code);
    };
    const onOnline = () => dispatch({ type: "browser-online", online: true });
    const onOffline = () => dispatch({ type: "browser-online", online: false });

    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("connection-close", onConnectionClose);
    provider.on("closed", onClosed);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    dispatch({ type: "browser-online", online: navigator.onLine });

    // A document the page's script opened early may be connected, even synced, already.
    if (provider.wsconnected) {
      trackedSocket = provider.ws;
      trackedSocket?.addEventListener("message", onServerFrame);
      // The provider's own step 1 is answered already once synced; until then it is in flight.
      if (!provider.synced) tracker.connectionOpened();
      dispatch({ type: "status", status: "connected" });
    }
    if (provider.synced) dispatch({ type: "sync", synced: true });
    provider.connect();
    setDocument({ ydoc, provider, awareness: provider.awareness });

    return () => {
      disposed = true;
      window.removeEventListener("pagehide", keepUnsentChanges);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      provider.off("status", onStatus);
      provider.off("sync", onSync);
      provider.off("connection-close", onConnectionClose);
      provider.off("closed", onClosed);
      ydoc.off("update", onLocalUpdate);
      trackedSocket?.removeEventListener("message", onServerFrame);
      // Also closes the IndexedDB copy (it listens for the document's destruction).
      destroyCollabConnection(connection);
      setDocument(null);
    };
  }, [documentName, userId]);

  const { id, name, color, organizationId, organizationName } = user;
  useEffect(() => {
    document?.awareness.setLocalStateField("user", {
      id,
      name,
      color,
      organizationId,
      organizationName,
    });
  }, [document, id, name, color, organizationId, organizationName]);

  const syncState = documentSyncState(snapshot, pending);
  const [registryKey] = useState(() => ({}));
  useEffect(() => {
    syncRegistry.publish(registryKey, { state: syncState, pending });
  }, [registryKey, syncState, pending]);
  useEffect(() => () => syncRegistry.remove(registryKey), [registryKey]);

  return { document, status: connectionState(snapshot), deniedReason: snapshot.denied };
}
