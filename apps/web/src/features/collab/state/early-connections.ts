import { TERMINAL_CLOSE_CODES } from "@entente/protocol";
import {
  createCollabConnection,
  destroyCollabConnection,
  type CollabConnection,
} from "./collab-connection";

/** A document opened early that no page claimed by then is closed. */
const UNCLAIMED_MS = 15_000;

interface Parked {
  connection: CollabConnection;
  /** Stops watching the parked connection (it is claimed, or dropped). */
  release: () => void;
}

const parked = new Map<string, Parked>();
/** Names the page opened itself: an early start that comes later does nothing for them. */
const claimed = new Set<string>();

/**
 * Opens the live document `documentName` before the page that shows it has rendered: the
 * socket's connection, authentication and first sync then run while the page still reads
 * the session and the partnership, and `useCollabDocument` takes the document over
 * ({@link claimEarlyConnection}). A socket that closes before it ever opened (no session, no
 * access, server down) is dropped at once: the page's own connection handles those cases.
 */
export function openEarlyConnection(documentName: string): void {
  if (parked.has(documentName) || claimed.has(documentName)) return;
  const connection = createCollabConnection(documentName);
  const { provider } = connection;
  let opened = false;
  const drop = () => {
    if (parked.get(documentName)?.connection !== connection) return;
    parked.get(documentName)?.release();
    parked.delete(documentName);
    destroyCollabConnection(connection);
  };
  const onStatus = ({ status }: { status: string }) => {
    if (status === "connected") opened = true;
  };
  const onConnectionClose = () => {
    if (!opened) drop();
  };
  const onClosed = ({ code }: { code: number }) => {
    if (TERMINAL_CLOSE_CODES.has(code)) drop();
  };
  const timer = setTimeout(drop, UNCLAIMED_MS);
  provider.on("status", onStatus);
  provider.on("connection-close", onConnectionClose);
  provider.on("closed", onClosed);
  parked.set(documentName, {
    connection,
    release: () => {
      clearTimeout(timer);
      provider.off("status", onStatus);
      provider.off("connection-close", onConnectionClose);
      provider.off("closed", onClosed);
    },
  });
  provider.connect();
}

/**
 * The document opened early under `documentName`, now owned by the caller (who destroys
 * it), or `null`: the caller then opens its own.
 */
export function claimEarlyConnection(documentName: string): CollabConnection | null {
  claimed.add(documentName);
  const entry = parked.get(documentName);
  if (!entry) return null;
  parked.delete(documentName);
  entry.release();
  return entry.connection;
}
