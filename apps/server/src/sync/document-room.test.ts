import { CloseCode, MessageType } from "@entente/protocol";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DocumentRoom, type SyncConnection } from "./document-room.js";
import type { UpdateLog, UpdateStamp } from "./update-log.js";

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

  async load(): Promise<Uint8Array[]> {
    await this.loadGate;
    return this.initial;
  }

  async append(_name: string, update: Uint8Array, stamp: UpdateStamp): Promise<void> {
    await this.appendGate;
    if (this.failAppends) throw new Error("disk full");
    this.stored.push({ update, stamp });
  }
}

class RecordingConnection implements SyncConnection {
  sent: Uint8Array[] = [];
  closedWith: number | null = null;
  constructor(
    readonly access: "read" | "write",
    readonly stamp: UpdateStamp = { userId: "u1", organizationId: "o1" },
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

function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText("t").toJSON();
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("DocumentRoom", () => {
  it("answers nobody before the stored state is loaded, so an early client never sees an empty document", async () => {
    const log = new ControlledLog([textUpdate("stored charter")]);
    const room = new DocumentRoom("p/charter", log, () => {});
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
    const room = new DocumentRoom("p/charter", log, () => {});
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
    const room = new DocumentRoom("p/charter", log, () => {});
    const viewer = new RecordingConnection("read");
    const other = new RecordingConnection("write");
    room.join(viewer);
    room.join(other);
    room.receive(viewer, syncMessage(syncProtocol.messageYjsUpdate, textUpdate("forged")));
    room.receive(viewer, syncMessage(syncProtocol.messageYjsSyncStep2, textUpdate("forged too")));
    await room.whenIdle();
    expect(log.stored).toHaveLength(0);
    expect(textOf(other.receivedUpdates())).toBe("");
    expect(room.doc.getText("t").toJSON()).toBe("");
    room.destroy();
  });

  it("closes a connection that sends bytes it cannot decode, and keeps serving the others", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    const room = new DocumentRoom("p/charter", log, () => {});
    const bad = new RecordingConnection("write");
    const good = new RecordingConnection("write");
    room.join(bad);
    room.join(good);
    room.receive(bad, new Uint8Array([0, 2, 200]));
    room.receive(good, syncMessage(syncProtocol.messageYjsUpdate, textUpdate("still here")));
    await room.whenIdle();
    expect(bad.closedWith).toBe(CloseCode.InvalidMessage);
    expect(good.closedWith).toBeNull();
    expect(room.doc.getText("t").toJSON()).toBe("still here");
    room.destroy();
  });

  it("when storage keeps failing, drops the room and closes every socket with 4500 instead of serving unstored changes", async () => {
    const log = new ControlledLog();
    log.finishLoading();
    let dropped = false;
    const room = new DocumentRoom("p/charter", log, () => (dropped = true));
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
