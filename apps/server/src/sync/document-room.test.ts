import { CloseCode, MessageType } from "@entente/protocol";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SINGLE_INSTANCE, type DocumentListener, type InstanceBus } from "./instance-bus.js";
import { DocumentRoom } from "./document-room.js";
import type { SyncConnection } from "./sync-connection.js";
import { createLogger } from "../observability/logger.js";
import { SyncMetrics } from "../observability/metrics.js";
import type { PendingUpdate, StoredDocument, UpdateLog, UpdateStamp } from "./update-log.js";
import { awarenessFrame } from "../test/awareness-frame.js";
import { syncMessage } from "./sync-frames.js";

/** An update log whose reads and writes finish only when the test says so. */
class ControlledLog implements UpdateLog {
  stored: { update: Uint8Array; stamp: UpdateStamp }[] = [];
  private releaseLoad: () => void = () => {};
  private readonly loadGate = new Promise<void>((resolve) => (this.releaseLoad = resolve));
  appendGate: Promise<void> = Promise.resolve();
  failAppends = false;

  constructor(private readonly initial: Uint8Array[] = []) {}

  finishLoading(): void {
    this.releaseLoad();
  }

  compactions = 0;
  /** Answers of the next compactions: false is "another one holds the document". */
  compactionAnswers: boolean[] = [];

  async load(): Promise<StoredDocument> {
    await this.loadGate;
    return { snapshot: null, updates: this.initial, lastUpdateId: this.initial.length };
  }

  /** How many updates each write stored. */
  batches: number[] = [];

  async appendAll(_name: string, updates: readonly PendingUpdate[]): Promise<number[]> {
    this.batches.push(updates.length);
    await this.appendGate;
    if (this.failAppends) throw new Error("disk full");
    return updates.map((pending) => this.initial.length + this.stored.push(pending));
  }

  compact(): Promise<boolean> {
    this.compactions += 1;
    return Promise.resolve(this.compactionAnswers.shift() ?? true);
  }
}

class RecordingConnection implements SyncConnection {
  sent: Uint8Array[] = [];
  closedWith: number | null = null;
  constructor(
    readonly access: "read" | "write",
    readonly stamp: UpdateStamp = { userId: "u1", organizationId: "o1" },
    readonly userName = "User One",
    readonly organizationName = "Org One",
  ) {}
  send(message: Uint8Array): void {
    this.sent.push(message);
  }
  close(code: number): void {
    this.closedWith = code;
  }
  /** The Yjs updates this connection received (sync step 2 and updates). */
  receivedUpdates(): Uint8Array[] {
    return this.sent.flatMap((message) => {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== MessageType.Sync) return [];
      const type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) return [];
      return [decoding.readVarUint8Array(decoder)];
    });
  }
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("default").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText("default").toJSON();
}

function roomOver(log: UpdateLog, onFailure: () => void = () => {}, compactAfterUpdates = 1000) {
  const services = {
    log,
    bus: SINGLE_INSTANCE,
    logger: createLogger({ level: "silent" }),
    metrics: new SyncMetrics(),
    compactAfterUpdates,
    observers: [],
  };
  return new DocumentRoom("p/charter", services, onFailure);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("DocumentRoom", () => {
  it("answers nobody before the stored state is loaded, so an early client never sees an empty document", async () => {
    const log = new ControlledLog([textUpdate("stored charter")]);
    const room = roomOver(log);
    const early = new RecordingConnection("write");
    room.join(early);
    room.receive(
      early,
      syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())),
    );
    await settle();
    expect(early.sent).toHaveLength(0);

    log.finishLoading();
    await room.whenIdle();
    expect(textOf(early.receivedUpdates())).toBe("stored charter");
    room.destroy();
  });

  it("stores an update, stamped, before any other client receives it", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    const room = roomOver(log);
    const writer = new RecordingConnection("write", { userId: "ana", organizationId: "southpeak" });
    const reader = new RecordingConnection("read");
    room.join(writer);
    room.join(reader);
    await room.whenIdle();

    let releaseAppend: () => void = () => {};
    log.appendGate = new Promise((resolve) => (releaseAppend = resolve));
    room.receive(writer, syncMessage(syncProtocol.messageYjsUpdate, textUpdate("hello")));
    await settle();
    expect(
      reader
        .receivedUpdates()
        .map((u) => textOf([u]))
        .filter(Boolean),
    ).toEqual([]);
    expect(log.stored).toHaveLength(0);

    releaseAppend();
    await room.whenIdle();
    expect(log.stored.map((s) => s.stamp)).toEqual([
      { userId: "ana", organizationId: "southpeak" },
    ]);
    expect(textOf(reader.receivedUpdates())).toBe("hello");
    room.destroy();
  });

  it("ignores what a read-only connection sends", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    const room = roomOver(log);
    const viewer = new RecordingConnection("read");
    const other = new RecordingConnection("write");
    room.join(viewer);
    room.join(other);
    room.receive(viewer, syncMessage(syncProtocol.messageYjsUpdate, textUpdate("forged")));
    room.receive(viewer, syncMessage(syncProtocol.messageYjsSyncStep2, textUpdate("forged too")));
    await room.whenIdle();
    expect(log.stored).toHaveLength(0);
    expect(textOf(other.receivedUpdates())).toBe("");
    expect(room.doc.getText("default").toJSON()).toBe("");
    room.destroy();
  });

  it("closes a connection that sends bytes it cannot decode, and keeps serving the others", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    const room = roomOver(log);
    const bad = new RecordingConnection("write");
    const good = new RecordingConnection("write");
    room.join(bad);
    room.join(good);
    room.receive(bad, new Uint8Array([0, 2, 200]));
    room.receive(good, syncMessage(syncProtocol.messageYjsUpdate, textUpdate("still here")));
    await room.whenIdle();
    expect(bad.closedWith).toBe(CloseCode.InvalidMessage);
    expect(good.closedWith).toBeNull();
    expect(room.doc.getText("default").toJSON()).toBe("still here");
    room.destroy();
  });

  it("when storage keeps failing, drops the room and closes every socket with 4500 instead of serving unstored changes", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    let dropped = false;
    const room = roomOver(log, () => (dropped = true));
    const writer = new RecordingConnection("write");
    const reader = new RecordingConnection("read");
    room.join(writer);
    room.join(reader);
    await room.whenIdle();
    log.failAppends = true;
    room.receive(writer, syncMessage(syncProtocol.messageYjsUpdate, textUpdate("lost?")));
    await room.whenIdle();
    expect(dropped).toBe(true);
    expect(writer.closedWith).toBe(CloseCode.StorageFailure);
    expect(reader.closedWith).toBe(CloseCode.StorageFailure);
    expect(textOf(reader.receivedUpdates())).toBe("");
    room.destroy();
  });
});

describe("DocumentRoom group commit", () => {
  it("stores the frames that queued up during a write in one write, and relays none before", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    const room = roomOver(log);
    const writer = new RecordingConnection("write");
    const reader = new RecordingConnection("read");
    room.join(writer);
    room.join(reader);
    await room.whenIdle();
    let releaseFirst!: () => void;
    log.appendGate = new Promise((resolve) => (releaseFirst = resolve));

    room.receive(writer, syncMessage(syncProtocol.messageYjsUpdate, textUpdate("a")));
    await settle();
    for (const text of ["b", "c", "d"]) {
      room.receive(writer, syncMessage(syncProtocol.messageYjsUpdate, textUpdate(text)));
    }
    await settle();
    expect(log.batches).toEqual([1]);
    expect(reader.receivedUpdates()).toEqual([]);

    releaseFirst();
    await room.whenIdle();
    expect(log.batches).toEqual([1, 3]);
    expect(log.stored).toHaveLength(4);
    expect(textOf(reader.receivedUpdates()).split("").sort().join("")).toBe("abcd");
    room.destroy();
  });

  it("answers a newcomer only once what it would be sent is stored", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    const room = roomOver(log);
    const writer = new RecordingConnection("write");
    room.join(writer);
    await room.whenIdle();
    let release!: () => void;
    log.appendGate = new Promise((resolve) => (release = resolve));
    room.receive(writer, syncMessage(syncProtocol.messageYjsUpdate, textUpdate("unstored")));
    const newcomer = new RecordingConnection("read");
    room.join(newcomer);
    room.receive(
      newcomer,
      syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())),
    );
    await settle();
    expect(newcomer.receivedUpdates()).toEqual([]);
    release();
    await room.whenIdle();
    expect(textOf(newcomer.receivedUpdates())).toBe("unstored");
    room.destroy();
  });
});

describe("DocumentRoom compaction", () => {
  it("asks the log to compact once enough updates piled up since the last snapshot", async () => {
    const log = new ControlledLog([textUpdate("a")]);
    log.finishLoading();
    const room = roomOver(log, () => {}, 3);
    const writer = new RecordingConnection("write");
    room.join(writer);
    for (const text of ["b", "c"]) {
      room.receive(writer, syncMessage(syncProtocol.messageYjsUpdate, textUpdate(text)));
    }
    await room.whenIdle();
    expect(log.compactions).toBe(1);

    room.receive(writer, syncMessage(syncProtocol.messageYjsUpdate, textUpdate("d")));
    await room.whenIdle();
    expect(log.compactions).toBe(1);
    room.destroy();
  });

  it("compacts a document loaded with a long log only after answering the clients opening it", async () => {
    const log = new ControlledLog([textUpdate("a"), textUpdate("b"), textUpdate("c")]);
    log.finishLoading();
    const room = roomOver(log, () => {}, 3);
    const reader = new RecordingConnection("read");
    room.join(reader);
    room.receive(
      reader,
      syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())),
    );
    await room.whenIdle();
    expect(textOf(reader.receivedUpdates()).length).toBe(3);
    expect(log.compactions).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await room.whenIdle();
    expect(log.compactions).toBe(1);
    room.destroy();
  });

  it("asks again on the next update when another compaction held the document", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    log.compactionAnswers = [false];
    const room = roomOver(log, () => {}, 2);
    const writer = new RecordingConnection("write");
    room.join(writer);
    for (const text of ["a", "b", "c", "d"]) {
      room.receive(writer, syncMessage(syncProtocol.messageYjsUpdate, textUpdate(text)));
      await room.whenIdle();
    }
    // After "b" (held elsewhere), after "c" (done), then not after "d" (1 since).
    expect(log.compactions).toBe(2);
    room.destroy();
  });
});

describe("DocumentRoom presence memory", () => {
  it("forgets the clocks of presences removed over a minute ago, so a long-lived room does not grow", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    const room = roomOver(log);
    const holder = new RecordingConnection("write");
    room.join(holder);
    const realNow = Date.now;
    let now = realNow();
    Date.now = () => now;
    try {
      for (let i = 0; i < 50; i++) {
        const visitor = new RecordingConnection(
          "write",
          { userId: `u${i}`, organizationId: "o" },
          `visitor ${i}`,
        );
        room.join(visitor);
        room.receive(visitor, awarenessFrame(1000 + i, 1, { user: { name: `visitor ${i}` } }));
        await room.whenIdle();
        room.leave(visitor);
      }
      expect(room.awareness.meta.size).toBeGreaterThanOrEqual(50);
      now += 61_000;
      room.leave(new RecordingConnection("read"));
      expect(room.awareness.meta.size).toBeLessThanOrEqual(1);
    } finally {
      Date.now = realNow;
      room.destroy();
    }
  });
});

describe("DocumentRoom and updates Yjs would park", () => {
  it("refuses an update whose structs skip ahead of what the document has: nothing parked, stored or served", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    const room = roomOver(log);
    const writer = new RecordingConnection("write");
    const newcomer = new RecordingConnection("read");
    room.join(writer);
    // Past its first sync: before it, such an update is dropped instead (storage-outage.test.ts).
    room.receive(
      writer,
      syncMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(new Y.Doc())),
    );
    const source = new Y.Doc();
    source.getText("default").insert(0, "never sent");
    const before = Y.encodeStateVector(source);
    source.getText("default").insert(source.getText("default").length, "secret ".repeat(500));
    room.receive(
      writer,
      syncMessage(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(source, before)),
    );
    await room.whenIdle();

    expect(writer.closedWith).toBe(CloseCode.InvalidMessage);
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(log.stored).toHaveLength(0);
    room.join(newcomer);
    room.receive(
      newcomer,
      syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())),
    );
    await room.whenIdle();
    const served = newcomer.receivedUpdates();
    expect(served.every((update) => update.byteLength < 100)).toBe(true);
    room.destroy();
  });

  it("refuses a delete of text the document does not have yet (it would eat that client's next words)", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    const room = roomOver(log);
    const writer = new RecordingConnection("write");
    room.join(writer);
    room.receive(
      writer,
      syncMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(new Y.Doc())),
    );
    const victim = new Y.Doc();
    victim.getText("default").insert(0, "victim's future text");
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(victim));
    attacker.getText("default").delete(0, 5);
    // Only the delete set travels: the server has none of the victim's text.
    const deleteOnly = Y.encodeStateAsUpdate(attacker, Y.encodeStateVector(attacker));
    room.receive(writer, syncMessage(syncProtocol.messageYjsUpdate, deleteOnly));
    await room.whenIdle();

    expect(writer.closedWith).toBe(CloseCode.InvalidMessage);
    expect(room.doc.store.pendingDs).toBeNull();
    expect(log.stored).toHaveLength(0);
    room.destroy();
  });
});

describe("DocumentRoom presence from other instances", () => {
  it("applies another instance's presence only when its user is the sender that instance names", async () => {
    let hear: DocumentListener = () => {};
    const bus: InstanceBus = {
      ...SINGLE_INSTANCE,
      subscribe: (_name, listener) => {
        hear = listener;
        return Promise.resolve();
      },
    };
    const log = new ControlledLog();
    log.finishLoading();
    const room = new DocumentRoom(
      "p/charter",
      {
        log,
        bus,
        logger: createLogger({ level: "silent" }),
        metrics: new SyncMetrics(),
        compactAfterUpdates: 1000,
        observers: [],
      },
      () => {},
    );
    const watcher = new RecordingConnection("read");
    room.join(watcher);
    await room.whenIdle();
    const update = (clientId: number, state: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, JSON.stringify(state));
      return encoding.toUint8Array(encoder);
    };

    hear({ kind: "awareness", userId: "u2", update: update(501, { user: { id: "u3" } }) });
    hear({ kind: "awareness", userId: null, update: update(502, { user: { id: "u3" } }) });
    hear({ kind: "awareness", userId: "u2", update: update(503, { user: "Ursula" }) });
    hear({ kind: "awareness", userId: "u2", update: update(504, { user: { id: "u2" } }) });
    await room.whenIdle();

    expect([...room.awareness.getStates().keys()]).toEqual([504]);
    const relayed = watcher.sent.filter((message) => message[0] === MessageType.Awareness);
    expect(relayed).toHaveLength(1);
    room.destroy();
  });
});
