import { CloseCode, MessageType } from "@entente/protocol";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { Logger } from "../observability/logger.js";
import {
  FrameRejectReason,
  type ResyncReason,
  type SyncMetrics,
} from "../observability/metrics.js";
import {
  ParkedUpdateError,
  RefusedContentError,
  RoomEntries,
  tellObservers,
} from "./applied-entries.js";
import type { AppliedChange, DocumentObserver, EntryChange } from "./document-observers.js";
import type { DocumentMessage, InstanceBus } from "./instance-bus.js";
import { documentShape, type DocumentShape } from "./document-shape.js";
import { checkUntrustedUpdate } from "./update-guard.js";
import {
  applyStoredDocument,
  type PendingUpdate,
  type UpdateLog,
  type UpdateStamp,
} from "./update-log.js";

/** What every room of a process shares. */
export interface RoomServices {
  log: UpdateLog;
  /** The other instances serving the same documents (`SINGLE_INSTANCE` when alone). */
  bus: InstanceBus;
  logger: Logger;
  metrics: SyncMetrics;
  /** Compact a document into a snapshot once this many updates piled up after the last one. */
  compactAfterUpdates: number;
  /** Told of every change this process applies and stores (document-observers.ts). */
  observers: readonly DocumentObserver[];
}

/** A change applied and not stored yet, with what the observers will be told of it. */
interface UnstoredChange extends PendingUpdate {
  source: AppliedChange["source"];
  at: number;
  changes: readonly EntryChange[];
}

/** One open socket as the room sees it. */
export interface SyncConnection {
  readonly access: "read" | "write";
  /** The session's user and their organization in the document's partnership. */
  readonly stamp: UpdateStamp;
  /** The account's name: the only name the socket's presence may show. */
  readonly userName: string;
  /** The name of `stamp.organizationId`: the only organization name its presence may show. */
  readonly organizationName: string;
  send(message: Uint8Array): void;
  close(code: CloseCode): void;
}

class InvalidMessageError extends Error {
  constructor(readonly reason: FrameRejectReason = FrameRejectReason.InvalidMessage) {
    super(reason);
  }
}

/** The origin of presence that arrived from another instance, with who sent it. */
class RemotePresence {
  constructor(readonly userId: string | null) {}
}

/** The origin of updates another instance stored, or read back from storage after a gap. */
const OTHER_INSTANCE = Symbol("other instance");

/** The origin of changes the server made on behalf of a user (`applyServerChange`). */
const SERVER_CHANGE = Symbol("server change");

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** How long the clock of a removed presence is kept to ignore late echoes of it. */
const PRESENCE_MEMORY_MS = 60_000;

/** A browser tab has one awareness client id; a little slack for reconnects. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

/** Throws when the update's structs of some client do not start where the document's end. */
function assertContinues(update: Uint8Array, known: Map<number, number>): void {
  for (const [client, clock] of Y.parseUpdateMeta(update).from) {
    if (clock > (known.get(client) ?? 0)) throw new Error(`gap in client ${client}`);
  }
}

interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as sent: JSON text, `null` when the client removes its state. */
  state: string;
  /** `state` parsed, once. */
  value: unknown;
}

/** Decodes an awareness update; throws on a malformed one, including state JSON that does not parse. */
function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    entries.push({ clientId, clock, state, value: JSON.parse(state) as unknown });
  }
  return entries;
}

/** Who a presence may say it is; an absent field is not checked. */
interface PresenceSender {
  userId: string | null;
  name?: string;
  organizationId?: string | null;
  organizationName?: string;
}

/**
 * Whether a presence state's `user` (what carets, presence lists and the workshop's
 * "follow the facilitator" show) says it is someone other than `sender`: its `id`, `name`,
 * `organizationId` and `organizationName`, each when present, must be the sender's. The
 * colour is display only. A state without `user` claims nobody.
 */
function claimsSomeoneElse(value: unknown, sender: PresenceSender): boolean {
  if (typeof value !== "object" || value === null) return false;
  const user = (value as { user?: unknown }).user;
  if (user === undefined || user === null) return false;
  if (typeof user !== "object" || Array.isArray(user)) return true;
  const claimed = user as Record<string, unknown>;
  return (
    ("id" in claimed && claimed.id !== sender.userId) ||
    (sender.name !== undefined && "name" in claimed && claimed.name !== sender.name) ||
    (sender.organizationId !== undefined &&
      "organizationId" in claimed &&
      claimed.organizationId !== sender.organizationId) ||
    (sender.organizationName !== undefined &&
      "organizationName" in claimed &&
      claimed.organizationName !== sender.organizationName)
  );
}

function encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

const STORAGE_RETRY_DELAYS_MS = [50, 250, 1000];

/** How long after loading a document with a long log it is compacted. */
const LOAD_COMPACTION_DELAY_MS = 100;

/** At most this many changes wait for one group commit. */
const GROUP_COMMIT_MAX_UPDATES = 32;

/**
 * A loaded document and the sockets editing it. Every message is handled in arrival
 * order on one queue that starts with loading from storage, so nobody is answered
 * before the stored state is in, and an update is stored before anyone receives it.
 */
export class DocumentRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each connection with the awareness client ids it controls. */
  private readonly connections = new Map<SyncConnection, Set<number>>();
  /** The connection that controls each awareness client id. */
  private readonly awarenessOwners = new Map<number, SyncConnection>();
  /** The user behind each awareness client id of another instance's clients. */
  private readonly remoteOwners = new Map<number, string | null>();
  /** Connections closed for a bad frame: whatever else they sent is ignored. */
  private readonly rejected = new WeakSet<SyncConnection>();
  /** Awareness ids whose state was removed, with when, oldest first. */
  private readonly removedPresences = new Map<number, number>();
  private queue: Promise<void>;
  private failed = false;
  private destroyed = false;
  /** Updates this instance stored since the document was last compacted (as far as it knows). */
  private updatesSinceSnapshot = 0;
  /** Changes applied to the document and not stored yet: nobody receives them before. */
  private unstored: UnstoredChange[] = [];
  /** The document's kind and, for structured kinds, what each update changes in its entries. */
  private readonly entries: RoomEntries;
  /** What clients' updates may hold, by the document's kind; unknown names are not checked. */
  private readonly shape: DocumentShape | undefined;
  private loadCompaction: NodeJS.Timeout | undefined;
  /** Sync step 2 with the whole document, for new clients; dropped on every change. */
  private wholeDocumentMessage: Uint8Array | null = null;

  constructor(
    readonly name: string,
    private readonly services: RoomServices,
    private readonly onFailure: (room: DocumentRoom) => void,
  ) {
    // The server holds no presence of its own.
    this.awareness.setLocalState(null);
    this.entries = new RoomEntries(this.doc, name);
    this.shape = this.entries.kind ? documentShape(this.entries.kind) : undefined;
    this.awareness.on("update", this.onAwarenessUpdate);
    this.doc.on("update", () => {
      this.wholeDocumentMessage = null;
    });
    this.queue = this.load().catch((error: unknown) => {
      services.logger.error({ err: error, documentName: name }, "loading failed");
      this.fail();
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
    this.connections.set(connection, new Set());
    this.enqueue(connection, async () => {
      await this.flushUnstored();
      connection.send(this.syncStep1());
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) connection.send(this.awarenessMessage(states));
    });
  }

  /**
   * The link to the other instances is back after an outage: read the document again
   * from storage (it holds every update any instance relayed), send our clients'
   * presence again, and ask the other instances to do the same.
   */
  rejoin(): void {
    this.enqueue(null, async () => {
      await this.resyncFromStorage("reconnected");
      this.publishLocalPresence();
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
          const copy = new Y.Doc();
          Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
          const made: Uint8Array[] = [];
          copy.on("update", (update: Uint8Array) => made.push(update));
          let value: T;
          let changes: readonly EntryChange[];
          try {
            ({ value, changes } = this.entries.changesMadeBy(copy, change));
          } catch (error) {
            reject(asError(error));
            return;
          } finally {
            copy.destroy();
          }
          const update = made.length <= 1 ? made[0] : Y.mergeUpdates(made);
          const applied = update
            ? this.collectChanges(() => Y.applyUpdate(this.doc, update, SERVER_CHANGE))
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
    this.enqueue(null, () => this.applyRemoteUpdate(update));
  }

  receive(connection: SyncConnection, data: Uint8Array): void {
    this.enqueue(connection, () => {
      // Frames that were in flight behind a rejected one are not handled.
      if (this.rejected.has(connection)) return;
      return this.handle(connection, data);
    });
  }

  leave(connection: SyncConnection): void {
    const owned = this.connections.get(connection);
    this.connections.delete(connection);
    if (owned && owned.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
    }
    this.forgetOldPresences();
  }

  /**
   * y-protocols keeps a clock per awareness id forever, so a long-lived room would grow
   * with every page load. The clock is what makes a late echo of a removed state be
   * ignored, so it is kept for a while after the removal, then dropped.
   */
  private forgetOldPresences(): void {
    const cutoff = Date.now() - PRESENCE_MEMORY_MS;
    for (const [id, removedAt] of this.removedPresences) {
      if (removedAt > cutoff) break;
      this.removedPresences.delete(id);
      if (!this.awareness.getStates().has(id)) this.awareness.meta.delete(id);
    }
  }

  /** Closes every socket with `code`; the caller destroys the room once idle. */
  closeAll(code: CloseCode): void {
    for (const connection of [...this.connections.keys()]) connection.close(code);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.loadCompaction);
    this.services.bus.unsubscribe(this.name, this.onBusMessage);
    this.entries.destroy();
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private async load(): Promise<void> {
    // Subscribed before reading: an update another instance stores meanwhile is either
    // in what is read or delivered after it, on this queue, behind the load.
    await this.services.bus.subscribe(this.name, this.onBusMessage);
    const stored = await this.services.log.load(this.name);
    applyStoredDocument(this.doc, stored, "storage");
    this.updatesSinceSnapshot = stored.updates.length;
    // A little later: the clients opening the document are answered before a long log is
    // folded (folding replays it once more).
    if (this.updatesSinceSnapshot >= this.services.compactAfterUpdates) {
      this.loadCompaction = setTimeout(() => {
        this.enqueue(null, () => this.compactIfDue());
      }, LOAD_COMPACTION_DELAY_MS);
      this.loadCompaction.unref();
    }
  }

  /**
   * Folds the stored updates into one snapshot so loading stays fast. The log merges
   * from storage under a per-document lock, so instances never compact one document
   * at the same time and none folds in an update it has not seen. A failed or skipped
   * compaction loses nothing: the log is intact and the next update tries again.
   */
  private async compactIfDue(): Promise<void> {
    if (this.updatesSinceSnapshot < this.services.compactAfterUpdates) return;
    try {
      const compacted = await this.services.metrics.timeCompaction(() =>
        this.services.log.compact(this.name),
      );
      if (compacted) this.updatesSinceSnapshot = 0;
    } catch (error) {
      this.services.logger.warn({ err: error, documentName: this.name }, "compaction failed");
    }
  }

  private readonly onBusMessage = (message: DocumentMessage): void => {
    this.enqueue(null, () => {
      switch (message.kind) {
        case "update":
          return this.applyRemoteUpdate(message.update);
        case "awareness":
          return this.applyRemotePresence(message.userId, message.update);
        case "rejoined":
          return this.resyncFromStorage("peer-rejoined").then(() => this.publishLocalPresence());
      }
    });
  };

  /** An update another instance stored: relayed to this instance's clients, not stored again. */
  private async applyRemoteUpdate(update: Uint8Array): Promise<void> {
    const change = this.collectChanges(() => Y.applyUpdate(this.doc, update, OTHER_INSTANCE));
    const { store } = this.doc;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      // It depends on an update the bus did not deliver; storage has both.
      store.pendingStructs = null;
      store.pendingDs = null;
      await this.resyncFromStorage("gap");
      return;
    }
    if (change) this.broadcast(this.syncMessage(syncProtocol.messageYjsUpdate, change));
  }

  /** Reads the document again and relays to this instance's clients whatever it lacked. */
  private async resyncFromStorage(reason: ResyncReason): Promise<void> {
    this.services.metrics.documentResynced(reason);
    const stored = await this.services.log.load(this.name);
    const change = this.collectChanges(() => applyStoredDocument(this.doc, stored, OTHER_INSTANCE));
    if (change) this.broadcast(this.syncMessage(syncProtocol.messageYjsUpdate, change));
  }

  /** Runs `apply` and returns what it changed in the document, merged; null for nothing. */
  private collectChanges(apply: () => void): Uint8Array | null {
    const changes: Uint8Array[] = [];
    const collect = (change: Uint8Array) => changes.push(change);
    this.doc.on("update", collect);
    try {
      apply();
    } finally {
      this.doc.off("update", collect);
    }
    if (changes.length === 0) return null;
    return changes.length === 1 ? (changes[0] as Uint8Array) : Y.mergeUpdates(changes);
  }

  private applyRemotePresence(userId: string | null, update: Uint8Array): void {
    // Ids a client of this instance controls are this instance's to change. The sending
    // instance checked its socket's states in full; the user it names is checked again.
    const entries = decodeAwareness(update).filter(
      ({ clientId, value }) =>
        !this.awarenessOwners.has(clientId) && !claimsSomeoneElse(value, { userId }),
    );
    if (entries.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeAwareness(entries),
      new RemotePresence(userId),
    );
  }

  /** Sends the presence of this instance's clients to the other instances. */
  private publishLocalPresence(): void {
    for (const [connection, ids] of this.connections) {
      if (ids.size === 0) continue;
      this.services.bus.publish(this.name, {
        kind: "awareness",
        userId: connection.stamp.userId,
        update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...ids]),
      });
    }
  }

  private enqueue(connection: SyncConnection | null, task: () => void | Promise<void>): void {
    this.queue = this.queue
      .then(async () => {
        if (this.failed) return connection?.close(CloseCode.StorageFailure);
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
          this.fail();
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
        return this.handleAwareness(connection, decoder);
      case MessageType.QueryAwareness:
        connection.send(this.awarenessMessage([...this.awareness.getStates().keys()]));
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
        this.applyClientUpdate(connection, payload);
        // A long backlog is stored in slices, so its first frames are not held back long.
        if (this.unstored.length >= GROUP_COMMIT_MAX_UPDATES) await this.flushUnstored();
        return;
      default:
        throw new InvalidMessageError();
    }
  }

  private applyClientUpdate(connection: SyncConnection, update: Uint8Array): void {
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
      assertContinues(missing, Y.decodeStateVector(stateVector));
    } catch {
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
      throw new InvalidMessageError(FrameRejectReason.GuardRejected);
    }
    if (changes.length === 0) return;
    const change = changes.length === 1 ? (changes[0] as Uint8Array) : Y.mergeUpdates(changes);
    // Stored by the next flush, with whatever else was queued behind this frame.
    const pending: UnstoredChange = {
      update: change,
      stamp: connection.stamp,
      source: "client",
      at: Date.now(),
      changes: entryChanges,
    };
    if (this.unstored.push(pending) === 1) {
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
    await this.appendWithRetry(batch);
    for (const { update } of batch) {
      this.broadcast(this.syncMessage(syncProtocol.messageYjsUpdate, update));
      this.services.bus.publish(this.name, { kind: "update", update });
      this.services.metrics.updateApplied();
    }
    this.updatesSinceSnapshot += batch.length;
    await this.compactIfDue();
    await this.tellObservers(batch);
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
      this.services.logger.warn(
        { documentName: this.name, userId, refusal: error.refusal },
        "update refused",
      );
      throw new InvalidMessageError(FrameRejectReason.ContentRefused);
    }
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

  private async appendWithRetry(batch: readonly PendingUpdate[]): Promise<void> {
    const { log, metrics } = this.services;
    for (let attempt = 0; ; attempt++) {
      try {
        await metrics.timeStorageWrite(() => log.appendAll(this.name, batch));
        return;
      } catch (error) {
        const delay = STORAGE_RETRY_DELAYS_MS[attempt];
        if (delay === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * Storage gave up: the in-memory document may hold a change that is not stored.
   * Drop it so the next connection reloads from storage, and close every socket so
   * clients reconnect and send their changes again.
   */
  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    this.closeAll(CloseCode.StorageFailure);
    this.onFailure(this);
  }

  private handleAwareness(connection: SyncConnection, decoder: decoding.Decoder): void {
    let entries: AwarenessEntry[];
    try {
      entries = decodeAwareness(decoding.readVarUint8Array(decoder));
    } catch {
      throw new InvalidMessageError();
    }
    const owned = this.connections.get(connection);
    // Presence of a socket that already left would be a ghost.
    if (!owned) return;
    // A socket speaks only for its own carets. Stock clients echo everyone's states
    // back, so entries for ids owned by another user are dropped, not an error. The
    // same user may take an id over (a reconnect before the old socket is known dead).
    const ours = entries.filter(({ clientId, state }) => {
      const owner = this.awarenessOwners.get(clientId);
      if (owner === undefined) {
        // Another instance's client: only the same user may take its id over (moved here).
        const remoteUser = this.remoteOwners.get(clientId);
        if (remoteUser !== undefined && remoteUser !== connection.stamp.userId) return false;
        return state !== "null";
      }
      return owner === connection || owner.stamp.userId === connection.stamp.userId;
    });
    // Presence says who the sender is only as the server knows them: another member's id,
    // name or organization would put a forged caret or facilitator in front of everyone.
    const sender: PresenceSender = {
      userId: connection.stamp.userId,
      name: connection.userName,
      organizationId: connection.stamp.organizationId,
      organizationName: connection.organizationName,
    };
    const accepted = ours.filter(({ clientId, clock, value }) => {
      if (!claimsSomeoneElse(value, sender)) return true;
      // A stock client echoes every state it hears; one about a socket that left in the
      // meantime is older than what the room has, and would be ignored anyway.
      const known = this.awareness.meta.get(clientId);
      if (known !== undefined && known.clock >= clock) return false;
      throw new InvalidMessageError(FrameRejectReason.ForbiddenAwareness);
    });
    const claimed = new Set([...owned, ...accepted.map((e) => e.clientId)]);
    if (claimed.size > MAX_AWARENESS_IDS_PER_CONNECTION) {
      throw new InvalidMessageError(FrameRejectReason.ForbiddenAwareness);
    }
    if (accepted.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwareness(accepted), connection);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const remote = origin instanceof RemotePresence ? origin : null;
    const connection = origin as SyncConnection;
    const owned = remote ? undefined : this.connections.get(connection);
    for (const id of [...added, ...updated]) {
      if (remote) {
        this.remoteOwners.set(id, remote.userId);
      } else if (owned) {
        const previous = this.awarenessOwners.get(id);
        if (previous && previous !== connection) this.connections.get(previous)?.delete(id);
        this.awarenessOwners.set(id, connection);
        this.remoteOwners.delete(id);
        owned.add(id);
      }
    }
    for (const id of removed) {
      const owner = this.awarenessOwners.get(id);
      if (owner) this.connections.get(owner)?.delete(id);
      this.awarenessOwners.delete(id);
      this.remoteOwners.delete(id);
      // Re-inserted so the map stays ordered by removal time.
      this.removedPresences.delete(id);
      this.removedPresences.set(id, Date.now());
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    this.broadcast(this.awarenessMessage(changed));
    // Each instance times out stale presence on its own; the rest is theirs to hear.
    if (remote || origin === "timeout") return;
    this.services.bus.publish(this.name, {
      kind: "awareness",
      userId: owned ? connection.stamp.userId : null,
      update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
    });
  };

  private broadcast(message: Uint8Array): void {
    for (const connection of this.connections.keys()) connection.send(message);
  }

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
      this.wholeDocumentMessage ??= this.syncMessage(
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
    return this.syncMessage(syncProtocol.messageYjsSyncStep2, diff);
  }

  private syncStep1(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    return encoding.toUint8Array(encoder);
  }

  private syncMessage(syncType: number, update: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, update);
    return encoding.toUint8Array(encoder);
  }

  private awarenessMessage(clientIds: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds),
    );
    return encoding.toUint8Array(encoder);
  }
}
