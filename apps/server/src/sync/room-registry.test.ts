import { MessageType } from "@entente/protocol";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createLogger } from "../observability/logger.js";
import { SyncMetrics } from "../observability/metrics.js";
import type { SyncConnection } from "./sync-connection.js";
import { SINGLE_INSTANCE } from "./instance-bus.js";
import { RoomRegistry } from "./room-registry.js";
import type { PendingUpdate, StoredDocument, UpdateLog } from "./update-log.js";

/** A log whose appends wait until the test lets them through. */
class SlowLog implements UpdateLog {
  appended = 0;
  private release: () => void = () => {};
  private gate = new Promise<void>((resolve) => (this.release = resolve));

  letWritesThrough(): void {
    this.release();
  }
  load(): Promise<StoredDocument> {
    return Promise.resolve({ snapshot: null, updates: [], lastUpdateId: 0 });
  }
  async appendAll(_name: string, updates: readonly PendingUpdate[]): Promise<number[]> {
    await this.gate;
    return updates.map(() => ++this.appended);
  }
  compact(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

const connection: SyncConnection = {
  access: "write",
  stamp: { userId: "u", organizationId: "o" },
  userName: "U",
  organizationName: "O",
  send: () => {},
  close: () => {},
};

function updateFrame(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("default").insert(0, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

describe("RoomRegistry", () => {
  it("never unloads a document whose changes are not stored yet, and unloads it once they are", async () => {
    const log = new SlowLog();
    const metrics = new SyncMetrics();
    const registry = new RoomRegistry({
      log,
      bus: SINGLE_INSTANCE,
      logger: createLogger({ level: "silent" }),
      metrics,
      compactAfterUpdates: 1000,
      observers: [],
    });
    const room = registry.open("p/charter");
    room.join(connection);
    room.receive(connection, updateFrame("unsaved"));
    room.receive(connection, updateFrame("also unsaved"));
    room.leave(connection);
    registry.release(room);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(registry.size).toBe(1);
    expect(registry.open("p/charter")).toBe(room);
    expect(room.doc.getText("default").toJSON()).toContain("unsaved");

    log.letWritesThrough();
    await room.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Both updates were received before the socket left: both are stored.
    expect(log.appended).toBe(2);
    expect(registry.size).toBe(0);
    expect(await metrics.render()).toMatch(/entente_sync_documents_loaded 0/);
  });
});

/** A log whose appends each wait for their own release, in order. */
class OneByOneLog implements UpdateLog {
  appended = 0;
  private readonly gates: (() => void)[] = [];
  releaseNext(): void {
    this.gates.shift()?.();
  }
  load(): Promise<StoredDocument> {
    return Promise.resolve({ snapshot: null, updates: [], lastUpdateId: 0 });
  }
  async appendAll(_name: string, updates: readonly PendingUpdate[]): Promise<number[]> {
    await new Promise<void>((resolve) => this.gates.push(resolve));
    return updates.map(() => ++this.appended);
  }
  compact(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

describe("RoomRegistry unloading under concurrency", () => {
  it("waits for work queued after the release began before unloading", async () => {
    const log = new OneByOneLog();
    const registry = new RoomRegistry({
      log,
      bus: SINGLE_INSTANCE,
      logger: createLogger({ level: "silent" }),
      metrics: new SyncMetrics(),
      compactAfterUpdates: 1000,
      observers: [],
    });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
    const room = registry.open("p/charter");
    const first = { ...connection };
    room.join(first);
    room.receive(first, updateFrame("A"));
    room.leave(first);
    registry.release(room);
    // Another socket joins the still-loaded room, sends and leaves before A is stored.
    const second = { ...connection };
    expect(registry.open("p/charter")).toBe(room);
    room.join(second);
    room.receive(second, updateFrame("B"));
    room.leave(second);
    registry.release(room);
    await tick();

    log.releaseNext();
    await tick();
    // A is stored, B is not yet: unloading now would let a newcomer load a state without B.
    expect(log.appended).toBe(1);
    expect(registry.get("p/charter")).toBe(room);

    log.releaseNext();
    await tick();
    expect(log.appended).toBe(2);
    expect(registry.size).toBe(0);
  });
});
