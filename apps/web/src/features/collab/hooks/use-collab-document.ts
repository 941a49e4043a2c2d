import { CloseCode, TERMINAL_CLOSE_CODES } from "@entente/protocol";
import { useEffect, useReducer, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { probeDocumentAccess } from "../api/document-access";
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

  useEffect(() => {
    // The page's script may have opened this document already (start-early-connection.ts),
    // connected and maybe synced: take it over, with the state it reached.
    const connection = claimEarlyConnection(documentName) ?? createCollabConnection(documentName);
    const { ydoc, provider } = connection;
    dispatch({ type: "reset" });

    let disposed = false;
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
      if (status === "connected") opened = true;
      dispatch({ type: "status", status });
    };
    const onSync = (synced: boolean) => dispatch({ type: "sync", synced });
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

    if (provider.wsconnected) dispatch({ type: "status", status: "connected" });
    if (provider.synced) dispatch({ type: "sync", synced: true });
    provider.connect();
    setDocument({ ydoc, provider, awareness: provider.awareness });

    return () => {
      disposed = true;
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      provider.off("status", onStatus);
      provider.off("sync", onSync);
      provider.off("connection-close", onConnectionClose);
      provider.off("closed", onClosed);
      destroyCollabConnection(connection);
      setDocument(null);
    };
  }, [documentName]);

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

  return { document, status: connectionState(snapshot), deniedReason: snapshot.denied };
}
