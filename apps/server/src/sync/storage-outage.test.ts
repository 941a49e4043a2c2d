import { CloseCode } from "@entente/protocol";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { isStoreUnavailable } from "../db/store-unavailable.js";
import { createLogger } from "../observability/logger.js";
import { SyncMetrics } from "../observability/metrics.js";
import { DocumentRoom } from "./document-room.js";
import type { SyncConnection } from "./sync-connection.js";
import { SINGLE_INSTANCE } from "./instance-bus.js";
import { retryStorage, storageCloseCode } from "./storage-retry.js";
import type { PendingUpdate, StoredDocument, UpdateLog } from "./update-log.js";
import { syncMessage } from "./sync-frames.js";

/** What `pg` throws when the server went away mid-query. */
function terminated(): Error {
  return new Error("Connection terminated unexpectedly");
}

function refused(): Error {
  return Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
}

describe("isStoreUnavailable", () => {
  it("recognizes a database that went away or does not take connections yet", () => {
    expect(isStoreUnavailable(terminated())).toBe(true);
    expect(isStoreUnavailable(refused())).toBe(true);
    const starting = Object.assign(new Error("the database system is starting up"), {
      code: "57P03",
    });
    expect(isStoreUnavailable(starting)).toBe(true);
    const shutdown = Object.assign(new Error("terminating connection"), { code: "57P01" });
    expect(isStoreUnavailable(shutdown)).toBe(true);
    expect(isStoreUnavailable(new Error("wrapped", { cause: refused() }))).toBe(true);
    expect(isStoreUnavailable(new AggregateError([refused(), refused()]))).toBe(true);
  });

  it("leaves other failures alone: they stay 500s and ordinary storage failures", () => {
    expect(isStoreUnavailable(new Error("disk full"))).toBe(false);
    const unique = Object.assign(new Error("duplicate key"), { code: "23505" });
    expect(isStoreUnavailable(unique)).toBe(false);
    expect(isStoreUnavailable("Connection terminated")).toBe(false);
    expect(isStoreUnavailable(undefined)).toBe(false);
  });
});

describe("retryStorage", () => {
  it("waits out an outage shorter than the hold", async () => {
    let calls = 0;
    const result = await retryStorage(() => {
      calls += 1;
      return calls < 4 ? Promise.reject(refused()) : Promise.resolve("stored");
    }, 5_000);
    expect(result).toBe("stored");
    expect(calls).toBe(4);
  });

  it("gives up on an outage longer than the hold with the database's error", async () => {
    await expect(retryStorage(() => Promise.reject(terminated()), 300)).rejects.toThrow(
      "Connection terminated unexpectedly",
    );
  });

  it("tries an ordinary failure three more times only, however long the hold", async () => {
    let calls = 0;
    await expect(
      retryStorage(() => {
        calls += 1;
        return Promise.reject(new Error("disk full"));
      }, 60_000),
    ).rejects.toThrow("disk full");
    expect(calls).toBe(4);
  });

  it("closes with 4503 for an outage and 4500 for anything else", () => {
    expect(storageCloseCode(terminated())).toBe(CloseCode.StorageUnavailable);
    expect(storageCloseCode(new Error("disk full"))).toBe(CloseCode.StorageFailure);
  });
});

/** An update log over memory whose database can be switched off. */
class SwitchableLog implements UpdateLog {
  available = true;
  stored: PendingUpdate[] = [];

  load(): Promise<StoredDocument> {
    if (!this.available) return Promise.reject(refused());
    return Promise.resolve({
      snapshot: null,
      updates: this.stored.map((pending) => pending.update),
      lastUpdateId: this.stored.length,
    });
  }

  appendAll(_name: string, updates: readonly PendingUpdate[]): Promise<number[]> {
    if (!this.available) return Promise.reject(terminated());
    return Promise.resolve(updates.map((pending) => this.stored.push(pending)));
  }

  compact(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

class Socket implements SyncConnection {
  readonly access = "write";
  readonly stamp = { userId: "u1", organizationId: "o1" };
  readonly userName = "User One";
  readonly organizationName = "Org One";
  closedWith: number | null = null;
  send(): void {}
  close(code: number): void {
    this.closedWith = code;
  }
}

function roomOver(log: UpdateLog, storageOutageMs: number) {
  return new DocumentRoom(
    "p/charter",
    {
      log,
      bus: SINGLE_INSTANCE,
      logger: createLogger({ level: "silent" }),
      metrics: new SyncMetrics(),
      compactAfterUpdates: 1000,
      storageOutageMs,
      observers: [],
    },
    () => {},
  );
}

function textOf(updates: readonly PendingUpdate[]): string {
  const doc = new Y.Doc();
  for (const { update } of updates) Y.applyUpdate(doc, update);
  return doc.getText("default").toJSON();
}

describe("DocumentRoom while the database is away", () => {
  it("holds its sockets and updates through a short outage and stores them when it returns", async () => {
    const log = new SwitchableLog();
    const room = roomOver(log, 10_000);
    const socket = new Socket();
    room.join(socket);
    await room.whenIdle();
    const client = new Y.Doc();
    client.on("update", (update: Uint8Array) =>
      room.receive(socket, syncMessage(syncProtocol.messageYjsUpdate, update)),
    );

    log.available = false;
    client.getText("default").insert(0, "typed while the database restarts");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(log.stored).toHaveLength(0);
    log.available = true;
    await room.whenIdle();

    expect(socket.closedWith).toBeNull();
    expect(textOf(log.stored)).toBe("typed while the database restarts");
    room.destroy();
  });

  it("closes its sockets with 4503 once the outage outlasts the hold", async () => {
    const log = new SwitchableLog();
    const room = roomOver(log, 200);
    const socket = new Socket();
    room.join(socket);
    await room.whenIdle();
    log.available = false;
    const client = new Y.Doc();
    client.getText("default").insert(0, "lost with the room, resent on reconnect");
    room.receive(socket, syncMessage(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(client)));
    await room.whenIdle();

    expect(socket.closedWith).toBe(CloseCode.StorageUnavailable);
    room.destroy();
  });

  it("drops an update that skips ahead before the client's sync step 2, which then brings it", async () => {
    // A client reconnecting after 4503 holds edits the room never stored, and sends what it
    // types next before its step 2 (the answer to the room's step 1) arrives.
    const log = new SwitchableLog();
    const room = roomOver(log, 10_000);
    const socket = new Socket();
    room.join(socket);
    const client = new Y.Doc();
    client.getText("default").insert(0, "unstored before the outage. ");
    const before = Y.encodeStateVector(client);
    client.getText("default").insert(client.getText("default").length, "typed on reconnect");
    room.receive(
      socket,
      syncMessage(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(client, before)),
    );
    room.receive(
      socket,
      syncMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(client)),
    );
    await room.whenIdle();

    expect(socket.closedWith).toBeNull();
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(textOf(log.stored)).toBe("unstored before the outage. typed on reconnect");
    room.destroy();
  });
});
