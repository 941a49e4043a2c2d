import * as Y from "yjs";
import type { Logger } from "../observability/logger.js";
import { FrameRejectReason } from "../observability/metrics.js";
import { ParkedUpdateError, RefusedContentError, type RoomEntries } from "./applied-entries.js";
import type { EntryChange } from "./document-observers.js";
import { documentShape, type DocumentShape } from "./document-shape.js";
import type { UnstoredChange } from "./room-storage.js";
import type { SyncConnection } from "./sync-connection.js";
import { InvalidMessageError } from "./sync-frames.js";
import { checkUntrustedUpdate } from "./update-guard.js";

/**
 * Admitting a client's update into a room's document: the guard on its bytes, only what
 * the document lacks, no gap before it, what it changes in the entries (refused by the
 * content guard when forged), applied, and nothing left parked by Yjs. A refusal throws
 * `InvalidMessageError`; an update applied half-way throws any other error (the room is
 * then dropped, storage being the truth).
 */

/** Throws when the update's structs of some client do not start where the document's end. */
function assertContinues(update: Uint8Array, known: Map<number, number>): void {
  for (const [client, clock] of Y.parseUpdateMeta(update).from) {
    if (clock > (known.get(client) ?? 0)) throw new Error(`gap in client ${client}`);
  }
}

export class UpdateAdmission {
  /** What clients' updates may hold, by the document's kind; unknown names are not checked. */
  private readonly shape: DocumentShape | undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly documentName: string,
    private readonly entries: RoomEntries,
    private readonly logger: Logger,
  ) {
    this.shape = entries.kind ? documentShape(entries.kind) : undefined;
  }

  /**
   * Applies what `update` brings to the document and returns it as a change to store,
   * or null when it brings nothing. `beforeFirstSync`: an update that skips ahead is
   * dropped (null), not refused.
   */
  admit(
    connection: SyncConnection,
    update: Uint8Array,
    beforeFirstSync: boolean,
  ): UnstoredChange | null {
    // Untrusted bytes: refuse what could hang Yjs, blow up memory or apply half-way.
    if (!checkUntrustedUpdate(update, {}, this.shape).ok) {
      throw new InvalidMessageError(FrameRejectReason.GuardRejected);
    }
    // Only what the document lacks: re-sent known structs with forged dependencies
    // would otherwise be parked as pending and served to newcomers.
    const stateVector = Y.encodeStateVector(this.doc);
    let missing: Uint8Array;
    try {
      missing = Y.diffUpdate(update, stateVector);
    } catch {
      throw new InvalidMessageError(FrameRejectReason.GuardRejected);
    }
    try {
      assertContinues(missing, Y.decodeStateVector(stateVector));
    } catch {
      if (beforeFirstSync) return null;
      throw new InvalidMessageError(FrameRejectReason.GuardRejected);
    }
    const entryChanges = this.previewEntries(connection, missing);
    const changes: Uint8Array[] = [];
    const collect = (change: Uint8Array) => changes.push(change);
    this.doc.on("update", collect);
    try {
      Y.applyUpdate(this.doc, missing, connection);
    } catch (error) {
      // Applied half-way: the in-memory document no longer matches storage. Drop the
      // room (storage is the truth) rather than serve unstored content.
      if (changes.length > 0) throw error;
      throw new InvalidMessageError();
    } finally {
      this.doc.off("update", collect);
    }
    // Yjs parks what it cannot integrate yet and would serve it to newcomers, though it
    // was never stored. Nothing legitimate is parked when this server relays every
    // change, so parked content is refused: dropped when nothing else was applied, and
    // the room reloaded from storage otherwise.
    const { store } = this.doc;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      if (changes.length > 0) throw new Error("update applied only in part");
      store.pendingStructs = null;
      store.pendingDs = null;
      if (beforeFirstSync) return null;
      throw new InvalidMessageError(FrameRejectReason.GuardRejected);
    }
    if (changes.length === 0) return null;
    const change = changes.length === 1 ? (changes[0] as Uint8Array) : Y.mergeUpdates(changes);
    return {
      update: change,
      stamp: connection.stamp,
      source: "client",
      at: Date.now(),
      changes: entryChanges,
    };
  }

  /**
   * What a client's update changes in the document's entries, worked out on a copy before
   * it is applied, and refused when it forges or rewrites what only the server may say
   * (content-guard.ts). Nothing for rich-text kinds.
   */
  private previewEntries(connection: SyncConnection, update: Uint8Array): readonly EntryChange[] {
    try {
      return this.entries.admit(update, connection.stamp, Date.now());
    } catch (error) {
      if (error instanceof ParkedUpdateError) {
        throw new InvalidMessageError(FrameRejectReason.GuardRejected);
      }
      if (!(error instanceof RefusedContentError)) throw error;
      const { userId } = connection.stamp;
      this.logger.warn(
        { documentName: this.documentName, userId, refusal: error.refusal },
        "update refused",
      );
      throw new InvalidMessageError(FrameRejectReason.ContentRefused);
    }
  }
}
