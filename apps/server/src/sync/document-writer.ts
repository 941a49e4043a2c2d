import { parseDocumentName } from "@entente/domain";
import * as Y from "yjs";
import type { Logger } from "../observability/logger.js";
import { tellObservers } from "./applied-entries.js";
import type { DocumentObserver, EntryChange } from "./document-observers.js";
import { changedPaths, listEntryChanges } from "./entry-diff.js";
import { SINGLE_INSTANCE, type InstanceBus } from "./instance-bus.js";
import { applyStoredDocument, type UpdateLog, type UpdateStamp } from "./update-log.js";

/**
 * Server-side edits of a document (a workshop note turned into an action, an issue or a
 * decision): the write-side twin of `DocumentReader`.
 */
export interface DocumentWriter {
  /**
   * Runs `change` on the document as it stands now and stores what it changed as one
   * update stamped with `stamp` (the user the server acts for), like a client's edit;
   * resolves with `change`'s result once stored and relayed. When `change` throws (a
   * schema writer refusing its input), nothing is written and the promise rejects with
   * its error. `change` must be synchronous and must not keep the document it is given.
   */
  writeDocument<T>(name: string, stamp: UpdateStamp, change: (doc: Y.Doc) => T): Promise<T>;
}

/** A document loaded in this process, as the writer needs it (`DocumentRoom`). */
export interface WritableRoom {
  /** Applies the change on the room's queue; `applied: false` if the room failed first. */
  applyServerChange<T>(
    stamp: UpdateStamp,
    change: (doc: Y.Doc) => T,
  ): Promise<{ applied: true; value: T } | { applied: false }>;
  /** Relays an update already stored to the room's sockets. */
  relayStored(update: Uint8Array): void;
}

/** The rooms loaded in this process, by document name (`RoomRegistry`). */
export interface WritableRooms {
  get(name: string): WritableRoom | undefined;
}

/**
 * Writes through the document's room when it is loaded in this process: on its one queue,
 * so the change lands behind every client update received before it, is stored in the
 * update log with the user's stamp, then broadcast to the room's sockets and published on
 * the instance bus, exactly like a client's update. When no room holds the document, the
 * change is made on the stored document and appended to the log, then published on the bus
 * for the instances that have it loaded, and the observers are told of it here (a room
 * tells them of what it applies).
 */
export class LiveDocumentWriter implements DocumentWriter {
  constructor(
    private readonly log: UpdateLog,
    private readonly bus: InstanceBus = SINGLE_INSTANCE,
    private readonly rooms?: WritableRooms,
    private readonly observers: { list: readonly DocumentObserver[]; logger: Logger } | null = null,
  ) {}

  async writeDocument<T>(name: string, stamp: UpdateStamp, change: (doc: Y.Doc) => T): Promise<T> {
    const room = this.rooms?.get(name);
    if (room) {
      const result = await room.applyServerChange(stamp, change);
      if (result.applied) return result.value;
      // The room failed before the change's turn: storage is the truth now.
    }
    return this.writeToStorage(name, stamp, change);
  }

  private async writeToStorage<T>(
    name: string,
    stamp: UpdateStamp,
    change: (doc: Y.Doc) => T,
  ): Promise<T> {
    const doc = new Y.Doc();
    applyStoredDocument(doc, await this.log.load(name), "storage");
    // The document as it was, for the observers' record of what changed.
    const kind = parseDocumentName(name)?.kind;
    const before = this.observers?.list.length && kind ? copyOf(doc) : null;
    const made: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => made.push(update));
    let value!: T;
    let changes: EntryChange[] = [];
    try {
      const touched = changedPaths(doc, () => {
        value = change(doc);
      });
      if (before && kind) changes = listEntryChanges(kind, before, doc, touched);
    } finally {
      before?.destroy();
      doc.destroy();
    }
    const update = made.length <= 1 ? made[0] : Y.mergeUpdates(made);
    if (!update) return value;
    await this.log.appendAll(name, [{ update, stamp }]);
    this.bus.publish(name, { kind: "update", update });
    // A room this process opened meanwhile may have read storage before the append; for
    // one that read it after, the update is already known and relaying it changes nothing.
    this.rooms?.get(name)?.relayStored(update);
    if (this.observers && this.observers.list.length > 0) {
      const context = {
        applyServerChange: (by: UpdateStamp, next: (d: Y.Doc) => void) =>
          this.writeDocument(name, by, next),
      };
      const applied = {
        documentName: name,
        stamp,
        at: Date.now(),
        source: "server" as const,
        changes,
      };
      await tellObservers(this.observers.list, applied, context, this.observers.logger);
    }
    return value;
  }
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
