import { CloseCode, MessageType } from "@entente/protocol";
import * as decoding from "lib0/decoding";
import type * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { RoomEntries, tellObservers } from "./applied-entries.js";
import type { AppliedChange, DocumentObserver } from "./document-observers.js";
import type { DocumentMessage, InstanceBus } from "./instance-bus.js";
import { RemoteUpdates, collectChanges } from "./remote-updates.js";
import { RoomPresence } from "./room-presence.js";
import { RoomStorage, type RoomStorageServices, type UnstoredChange } from "./room-storage.js";
import { storageCloseCode } from "./storage-retry.js";
import type { SyncConnection } from "./sync-connection.js";
import { InvalidMessageError, syncMessage, syncStep1Message } from "./sync-frames.js";
import { UpdateAdmission } from "./update-admission.js";
import type { UpdateStamp } from "./update-log.js";

/** What every room of a process shares. */
export interface RoomServices extends RoomStorageServices {
  /** The other instances serving the same documents (`SINGLE_INSTANCE` when alone). */
  bus: InstanceBus;
  /** Told of every change this process applies and stores (document-observers.ts). */
  observers: readonly DocumentObserver[];
}

/** The origin of changes the server made on behalf of a user (`applyServerChange`). */
const SERVER_CHANGE = Symbol("server change");

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** How long after loading a document with a long log it is compacted. */
const LOAD_COMPACTION_DELAY_MS = 100;

/** At most this many changes wait for one group commit. */
const GROUP_COMMIT_MAX_UPDATES = 32;

/**
 * A loaded document and the sockets editing it. Every message is handled in arrival
 * order on one queue that starts with loading from storage, so nobody is answered
 * before the stored state is in, and an update is stored before anyone receives it.
 * Its parts: presence (room-presence.ts), admitting clients' updates (update-admission.ts),
 * storage (room-storage.ts), other instances' updates (remote-updates.ts).
 */
export class DocumentRoom {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  /** The open sockets of the room. */
  private readonly connections = new Set<SyncConnection>();
  /**
   * Connections whose answer to the room's sync step 1 has not arrived yet. A client that
   * reconnects sends what it types at once; until its step 2 brings what the room lacks
   * (edits the room could not store before an outage, say), such an update skips ahead.
   * It is dropped, not refused: the step 2 behind it on the socket carries it too.
   */
  private readonly awaitingFirstSync = new WeakSet<SyncConnection>();
  /** Connections closed for a bad frame: whatever else they sent is ignored. */
  private readonly rejected = new WeakSet<SyncConnection>();
  private readonly presence: RoomPresence;
  private readonly storage: RoomStorage;
  private readonly remote: RemoteUpdates;
  private queue: Promise<void>;
  private failed = false;
  /** What sockets that arrive after a failure are closed with. */
  private failureCode: CloseCode = CloseCode.StorageFailure;
  private destroyed = false;
  /** Changes applied to the document and not stored yet: nobody receives them before. */
  private unstored: UnstoredChange[] = [];
  /** The document's kind and, for structured kinds, what each update changes in its entries. */
  private readonly entries: RoomEntries;
  private readonly admission: UpdateAdmission;
  private loadCompaction: NodeJS.Timeout | undefined;
  /** Sync step 2 with the whole document, for new clients; dropped on every change. */
  private wholeDocumentMessage: Uint8Array | null = null;

  constructor(
    readonly name: string,
    private readonly services: RoomServices,
    private readonly onFailure: (room: DocumentRoom) => void,
  ) {
    this.presence = new RoomPresence(this.doc, name, services.bus, this.broadcast);
    this.awareness = this.presence.awareness;
    this.storage = new RoomStorage(name, services);
    this.remote = new RemoteUpdates(this.doc, this.storage, services.metrics, this.broadcast);
    this.entries = new RoomEntries(this.doc, name);
    this.admission = new UpdateAdmission(this.doc, name, this.entries, services.logger);
    this.doc.on("update", () => {
      this.wholeDocumentMessage = null;
    });
    this.queue = this.load().catch((error: unknown) => {
      services.logger.error({ err: error, documentName: name }, "loading failed");
      this.fail(error);
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** The last task queued so far: settled, it means the room was idle at that moment. */
  get queueTail(): Promise<void> {
    return this.queue;
  }

  /**
   * Resolves when every message received so far has been handled, including the work
   * that handling queued (a group commit, a compaction).
   */
  async whenIdle(): Promise<void> {
    for (;;) {
      const tail = this.queue;
      await tail;
      if (this.queue === tail) return;
    }
  }

  join(connection: SyncConnection): void {
    this.connections.add(connection);
    this.presence.add(connection);
    this.awaitingFirstSync.add(connection);
    this.enqueue(connection, async () => {
      await this.flushUnstored();
      connection.send(syncStep1Message(this.doc));
      if (!this.presence.isEmpty) connection.send(this.presence.messageOfAll());
    });
  }

  /**
   * The link to the other instances is back after an outage: read the document again
   * from storage (it holds every update any instance relayed), send our clients'
   * presence again, and ask the other instances to do the same.
   */
  rejoin(): void {
    this.enqueue(null, async () => {
      await this.remote.resync("reconnected");
      this.presence.publishLocal();
      this.services.bus.publish(this.name, { kind: "rejoined" });
    });
  }

  /**
   * A change the server makes on behalf of a user (`document-writer.ts`), handled on the
   * room's queue like a client's update: applied behind everything received before, stored
   * with `stamp`, then relayed to the room's sockets and the other instances. `change` runs
   * on a copy of the document, so one that throws (a refused write) leaves the room as it
   * was; its error is the promise's. `applied: false` when the room failed before its turn
   * (storage is then the truth).
   */
  applyServerChange<T>(
    stamp: UpdateStamp,
    change: (doc: Y.Doc) => T,
  ): Promise<{ applied: true; value: T } | { applied: false }> {
    return new Promise((resolve, reject) => {
      let ran = false;
      this.enqueue(null, async () => {
        ran = true;
        try {
          // The copy must not build on a change that a failed write would take back.
          await this.flushUnstored();
          const made = this.entries.changeOnCopy(change);
          if ("refused" in made) {
            reject(asError(made.refused));
            return;
          }
          const { value, update, changes } = made;
          const applied = update
            ? collectChanges(this.doc, () => Y.applyUpdate(this.doc, update, SERVER_CHANGE))
            : null;
          if (applied) {
            this.unstored.push({
              update: applied,
              stamp,
              source: "server",
              at: Date.now(),
              changes,
            });
            await this.flushUnstored();
          }
          resolve({ applied: true, value });
        } catch (error) {
          reject(asError(error));
          throw error;
        }
      });
      void this.queue.then(() => {
        if (!ran) resolve({ applied: false });
      });
    });
  }

  /**
   * An update this process stored outside the room (`document-writer.ts`, while the room
   * was loading): relayed to the room's sockets like another instance's, not stored again.
   */
  relayStored(update: Uint8Array): void {
    this.enqueue(null, () => this.remote.apply(update));
  }

  receive(connection: SyncConnection, data: Uint8Array): void {
    this.enqueue(connection, () => {
      // Frames that were in flight behind a rejected one are not handled.
      if (this.rejected.has(connection)) return;
      return this.handle(connection, data);
    });
  }

  leave(connection: SyncConnection): void {
    this.connections.delete(connection);
    this.presence.remove(connection);
  }

  /** Closes every socket with `code`; the caller destroys the room once idle. */
  closeAll(code: CloseCode): void {
    for (const connection of [...this.connections]) connection.close(code);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.loadCompaction);
    this.services.bus.unsubscribe(this.name, this.onBusMessage);
    this.entries.destroy();
    this.presence.destroy();
    this.doc.destroy();
  }

  private async load(): Promise<void> {
    // Subscribed before reading: an update another instance stores meanwhile is either
    // in what is read or delivered after it, on this queue, behind the load.
    await this.services.bus.subscribe(this.name, this.onBusMessage);
    await this.storage.load(this.doc);
    // A little later: the clients opening the document are answered before a long log is
    // folded (folding replays it once more).
    if (this.storage.compactionDue) {
      this.loadCompaction = setTimeout(() => {
        this.enqueue(null, () => this.storage.compactIfDue());
      }, LOAD_COMPACTION_DELAY_MS);
      this.loadCompaction.unref();
    }
  }

  private readonly onBusMessage = (message: DocumentMessage): void => {
    this.enqueue(null, () => {
      switch (message.kind) {
        case "update":
          return this.remote.apply(message.update);
        case "awareness":
          return this.presence.applyRemote(message.userId, message.update);
        case "rejoined":
          return this.remote.resync("peer-rejoined").then(() => this.presence.publishLocal());
      }
    });
  };

  private enqueue(connection: SyncConnection | null, task: () => void | Promise<void>): void {
    this.queue = this.queue
      .then(async () => {
        if (this.failed) return connection?.close(this.failureCode);
        // A socket that left after sending still had its updates received: they are
        // stored like any other (answers to it are simply not sent).
        await task();
      })
      .catch((error: unknown) => {
        if (error instanceof InvalidMessageError && connection) {
          this.services.metrics.frameRejected(error.reason);
          this.rejected.add(connection);
          connection.close(CloseCode.InvalidMessage);
        } else {
          this.services.logger.error({ err: error, documentName: this.name }, "sync room failed");
          this.fail(error);
        }
      });
  }

  private async handle(connection: SyncConnection, data: Uint8Array): Promise<void> {
    let type: number;
    let decoder: decoding.Decoder;
    try {
      decoder = decoding.createDecoder(data);
      type = decoding.readVarUint(decoder);
    } catch {
      throw new InvalidMessageError();
    }
    switch (type) {
      case MessageType.Sync:
        return this.handleSync(connection, decoder);
      case MessageType.Awareness:
        return this.presence.receive(connection, decoder);
      case MessageType.QueryAwareness:
        connection.send(this.presence.messageOfAll());
        return;
      default:
        throw new InvalidMessageError();
    }
  }

  private async handleSync(connection: SyncConnection, decoder: decoding.Decoder): Promise<void> {
    let syncType: number;
    let payload: Uint8Array;
    try {
      syncType = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch {
      throw new InvalidMessageError();
    }
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        await this.flushUnstored();
        connection.send(this.syncStep2For(payload));
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate:
        this.services.metrics.updateReceived();
        // Read-only connections sync down; what they send is never applied, stored or relayed.
        if (connection.access !== "write") return;
        if (syncType === syncProtocol.messageYjsSyncStep2) {
          this.awaitingFirstSync.delete(connection);
          this.applyClientUpdate(connection, payload, false);
        } else {
          this.applyClientUpdate(connection, payload, this.awaitingFirstSync.has(connection));
        }
        // A long backlog is stored in slices, so its first frames are not held back long.
        if (this.unstored.length >= GROUP_COMMIT_MAX_UPDATES) await this.flushUnstored();
        return;
      default:
        throw new InvalidMessageError();
    }
  }

  /** Applies a client's update (update-admission.ts) and queues its storing behind this frame. */
  private applyClientUpdate(
    connection: SyncConnection,
    update: Uint8Array,
    beforeFirstSync: boolean,
  ): void {
    const pending = this.admission.admit(connection, update, beforeFirstSync);
    // Stored by the next flush, with whatever else was queued behind this frame.
    if (pending && this.unstored.push(pending) === 1) {
      this.enqueue(null, () => this.flushUnstored());
    }
  }

  /**
   * Group commit: stores every applied change not stored yet in one write, then relays
   * them. Under load many frames wait on the queue, so one write covers them all; alone,
   * a frame is stored at once. Anything that sends document state calls this first.
   */
  private async flushUnstored(): Promise<void> {
    if (this.unstored.length === 0) return;
    const batch = this.unstored;
    this.unstored = [];
    await this.storage.append(batch);
    // Relayed as one update: one frame a socket for the whole batch, not one per change.
    const update =
      batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((c) => c.update));
    this.broadcast(syncMessage(syncProtocol.messageYjsUpdate, update));
    this.services.bus.publish(this.name, { kind: "update", update });
    this.services.metrics.updatesStored(batch.length);
    await this.storage.compactIfDue();
    await this.tellObservers(batch);
  }

  /** Tells the observers of stored changes, in order, on the room's queue. */
  private async tellObservers(batch: readonly UnstoredChange[]): Promise<void> {
    const { observers, logger } = this.services;
    if (observers.length === 0) return;
    const context = {
      applyServerChange: (stamp: UpdateStamp, change: (doc: Y.Doc) => void) =>
        this.applyServerChange(stamp, change),
    };
    for (const { stamp, source, at, changes } of batch) {
      const applied: AppliedChange = { documentName: this.name, stamp, at, source, changes };
      await tellObservers(observers, applied, context, logger);
    }
  }

  /**
   * Storage gave up: the in-memory document may hold a change that is not stored.
   * Drop it so the next connection reloads from storage, and close every socket so
   * clients reconnect and send their changes again: with 4503 when the database stayed
   * out of reach, 4500 otherwise.
   */
  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.failureCode = storageCloseCode(error);
    this.closeAll(this.failureCode);
    this.onFailure(this);
  }

  private readonly broadcast = (message: Uint8Array): void => {
    for (const connection of this.connections) connection.send(message);
  };

  /**
   * The answer to a client's state vector. A new client (empty vector) gets the whole
   * document, encoded once and kept until the document changes: a join storm of
   * hundreds of clients on a large document costs one encoding, not one each.
   */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    let empty: boolean;
    try {
      empty = Y.decodeStateVector(stateVector).size === 0;
    } catch {
      throw new InvalidMessageError();
    }
    if (empty) {
      this.wholeDocumentMessage ??= syncMessage(
        syncProtocol.messageYjsSyncStep2,
        Y.encodeStateAsUpdate(this.doc),
      );
      return this.wholeDocumentMessage;
    }
    let diff: Uint8Array;
    try {
      diff = Y.encodeStateAsUpdate(this.doc, stateVector);
    } catch {
      throw new InvalidMessageError();
    }
    return syncMessage(syncProtocol.messageYjsSyncStep2, diff);
  }
}
