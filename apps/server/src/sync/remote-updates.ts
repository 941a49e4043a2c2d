import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { ResyncReason, SyncMetrics } from "../observability/metrics.js";
import type { RoomStorage } from "./room-storage.js";
import { syncMessage } from "./sync-frames.js";
import { applyStoredDocument } from "./update-log.js";

/**
 * Keeping a room's document in step with what other instances store: their updates as the
 * bus delivers them, and the document read again from storage after a gap or an outage.
 * Whatever the room lacked is relayed to its sockets, and never stored again.
 */

/** The origin of updates another instance stored, or read back from storage after a gap. */
const OTHER_INSTANCE = Symbol("other instance");

/** Runs `apply` and returns what it changed in `doc`, merged; null for nothing. */
export function collectChanges(doc: Y.Doc, apply: () => void): Uint8Array | null {
  const changes: Uint8Array[] = [];
  const collect = (change: Uint8Array) => changes.push(change);
  doc.on("update", collect);
  try {
    apply();
  } finally {
    doc.off("update", collect);
  }
  if (changes.length === 0) return null;
  return changes.length === 1 ? (changes[0] as Uint8Array) : Y.mergeUpdates(changes);
}

export class RemoteUpdates {
  /** `broadcast` sends a frame to every socket of the room. */
  constructor(
    private readonly doc: Y.Doc,
    private readonly storage: RoomStorage,
    private readonly metrics: SyncMetrics,
    private readonly broadcast: (message: Uint8Array) => void,
  ) {}

  /** An update another instance stored: relayed to this instance's clients, not stored again. */
  async apply(update: Uint8Array): Promise<void> {
    const change = collectChanges(this.doc, () => Y.applyUpdate(this.doc, update, OTHER_INSTANCE));
    const { store } = this.doc;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      // It depends on an update the bus did not deliver; storage has both.
      store.pendingStructs = null;
      store.pendingDs = null;
      await this.resync("gap");
      return;
    }
    if (change) this.broadcast(syncMessage(syncProtocol.messageYjsUpdate, change));
  }

  /** Reads the document again and relays to this instance's clients whatever it lacked. */
  async resync(reason: ResyncReason): Promise<void> {
    this.metrics.documentResynced(reason);
    const stored = await this.storage.read();
    const change = collectChanges(this.doc, () =>
      applyStoredDocument(this.doc, stored, OTHER_INSTANCE),
    );
    if (change) this.broadcast(syncMessage(syncProtocol.messageYjsUpdate, change));
  }
}
