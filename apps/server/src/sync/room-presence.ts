import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import type * as Y from "yjs";
import { FrameRejectReason } from "../observability/metrics.js";
import type { InstanceBus } from "./instance-bus.js";
import type { SyncConnection } from "./sync-connection.js";
import { awarenessMessage, InvalidMessageError } from "./sync-frames.js";

/**
 * Presence in one document's room: the awareness states of its sockets' clients and of
 * other instances' clients, who controls each awareness client id, what a socket may say
 * about who it is, and the clocks of removed states, kept a while and then forgotten.
 */

/** The origin of presence that arrived from another instance, with who sent it. */
class RemotePresence {
  constructor(readonly userId: string | null) {}
}

/** How long the clock of a removed presence is kept to ignore late echoes of it. */
const PRESENCE_MEMORY_MS = 60_000;

/** A browser tab has one awareness client id; a little slack for reconnects. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

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

export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** Each connection with the awareness client ids it controls. */
  private readonly idsByConnection = new Map<SyncConnection, Set<number>>();
  /** The connection that controls each awareness client id. */
  private readonly awarenessOwners = new Map<number, SyncConnection>();
  /** The user behind each awareness client id of another instance's clients. */
  private readonly remoteOwners = new Map<number, string | null>();
  /** Awareness ids whose state was removed, with when, oldest first. */
  private readonly removedPresences = new Map<number, number>();

  /** `broadcast` sends a frame to every socket of the room. */
  constructor(
    doc: Y.Doc,
    private readonly documentName: string,
    private readonly bus: InstanceBus,
    private readonly broadcast: (message: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server holds no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /** A socket joined the room: it controls no awareness id yet. */
  add(connection: SyncConnection): void {
    this.idsByConnection.set(connection, new Set());
  }

  /** A socket left the room: its clients' states are removed (and the others told). */
  remove(connection: SyncConnection): void {
    const owned = this.idsByConnection.get(connection);
    this.idsByConnection.delete(connection);
    if (owned && owned.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
    }
    this.forgetOldPresences();
  }

  /** An awareness frame with every state the room holds. */
  messageOfAll(): Uint8Array {
    return awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]);
  }

  get isEmpty(): boolean {
    return this.awareness.getStates().size === 0;
  }

  /** An awareness frame's payload, from one of the room's sockets. */
  receive(connection: SyncConnection, decoder: decoding.Decoder): void {
    let entries: AwarenessEntry[];
    try {
      entries = decodeAwareness(decoding.readVarUint8Array(decoder));
    } catch {
      throw new InvalidMessageError();
    }
    const owned = this.idsByConnection.get(connection);
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

  /** Presence another instance's client sent (its instance names the user). */
  applyRemote(userId: string | null, update: Uint8Array): void {
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
  publishLocal(): void {
    for (const [connection, ids] of this.idsByConnection) {
      if (ids.size === 0) continue;
      this.bus.publish(this.documentName, {
        kind: "awareness",
        userId: connection.stamp.userId,
        update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...ids]),
      });
    }
  }

  destroy(): void {
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
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

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const remote = origin instanceof RemotePresence ? origin : null;
    const connection = origin as SyncConnection;
    const owned = remote ? undefined : this.idsByConnection.get(connection);
    for (const id of [...added, ...updated]) {
      if (remote) {
        this.remoteOwners.set(id, remote.userId);
      } else if (owned) {
        const previous = this.awarenessOwners.get(id);
        if (previous && previous !== connection) this.idsByConnection.get(previous)?.delete(id);
        this.awarenessOwners.set(id, connection);
        this.remoteOwners.delete(id);
        owned.add(id);
      }
    }
    for (const id of removed) {
      const owner = this.awarenessOwners.get(id);
      if (owner) this.idsByConnection.get(owner)?.delete(id);
      this.awarenessOwners.delete(id);
      this.remoteOwners.delete(id);
      // Re-inserted so the map stays ordered by removal time.
      this.removedPresences.delete(id);
      this.removedPresences.set(id, Date.now());
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    this.broadcast(awarenessMessage(this.awareness, changed));
    // Each instance times out stale presence on its own; the rest is theirs to hear.
    if (remote || origin === "timeout") return;
    this.bus.publish(this.documentName, {
      kind: "awareness",
      userId: owned ? connection.stamp.userId : null,
      update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
    });
  };
}
