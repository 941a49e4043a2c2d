import * as Y from "yjs";
import { applyStoredDocument, type UpdateLog } from "./update-log.js";

/** Server-side reads of a document's current content (export, governance). */
export interface DocumentReader {
  /**
   * The document as it stands now, as a new `Y.Doc` that belongs to the caller: changing
   * it changes nothing anywhere, and the caller should `destroy()` it when done.
   */
  readDocument(name: string): Promise<Y.Doc>;
  /**
   * Calls `read` with the document as it stands now, without copying it: `read` must be
   * synchronous and must not change it (search reads large documents after every change).
   */
  readInPlace<T>(name: string, read: (doc: Y.Doc) => T): Promise<T>;
}

/** A document loaded in this process, as the reader needs to see it. */
export interface LoadedRoom {
  readonly doc: Y.Doc;
  /** Resolves once everything the room received so far is applied and stored. */
  whenIdle(): Promise<void>;
}

/** The rooms loaded in this process, by document name. */
export interface LoadedRooms {
  get(name: string): LoadedRoom | undefined;
}

/**
 * Reads the live room's document when it is loaded (after the updates it already received
 * are stored, so nothing a failed write would take back is read), the stored log otherwise.
 * Either way the result is rebuilt from one binary update, so the same content reads back
 * byte for byte the same through `Y.encodeStateAsUpdate` whichever way it came.
 */
export class CurrentDocuments implements DocumentReader {
  constructor(
    private readonly log: UpdateLog,
    private readonly rooms?: LoadedRooms,
  ) {}

  async readDocument(name: string): Promise<Y.Doc> {
    const room = this.rooms?.get(name);
    if (room) {
      await room.whenIdle();
      // A room that failed or was unloaded meanwhile is no longer the truth: storage is.
      if (this.rooms?.get(name) === room) return fromUpdate(Y.encodeStateAsUpdate(room.doc));
    }
    const stored = await this.log.load(name);
    const loaded = new Y.Doc();
    applyStoredDocument(loaded, stored, "storage");
    const update = Y.encodeStateAsUpdate(loaded);
    loaded.destroy();
    return fromUpdate(update);
  }

  async readInPlace<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = this.rooms?.get(name);
    if (room) {
      await room.whenIdle();
      if (this.rooms?.get(name) === room) return read(room.doc);
    }
    const loaded = new Y.Doc();
    try {
      applyStoredDocument(loaded, await this.log.load(name), "storage");
      return read(loaded);
    } finally {
      loaded.destroy();
    }
  }
}

function fromUpdate(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update, "storage");
  return doc;
}
