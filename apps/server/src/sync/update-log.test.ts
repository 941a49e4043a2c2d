import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Store } from "../db/database.js";
import { openMigratedStore, tempDatabase } from "../test/test-store.js";
import { SqlUpdateLog } from "./update-log.js";

function typed(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText("t").insert(doc.getText("t").length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

function stateOf(parts: Uint8Array[]): string {
  const doc = new Y.Doc();
  if (parts.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(parts));
  return doc.getText("t").toJSON();
}

describe("SqlUpdateLog on a real SQLite file", () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let log: SqlUpdateLog;

  beforeEach(async () => {
    const temp = await tempDatabase();
    cleanup = temp.cleanup;
    store = await openMigratedStore(temp.url);
    log = new SqlUpdateLog(store.db);
  });

  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  it("appends in order and loads everything back with the newest id", async () => {
    const doc = new Y.Doc();
    const ids = [];
    for (const word of ["trust ", "and ", "transparency"]) {
      ids.push(
        await log.append("p/charter", typed(doc, word), { userId: null, organizationId: null }),
      );
    }
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const stored = await log.load("p/charter");
    expect(stored.snapshot).toBeNull();
    expect(stored.lastUpdateId).toBe(ids[2]);
    expect(stateOf(stored.updates)).toBe("trust and transparency");
    expect((await log.load("p/other")).lastUpdateId).toBe(0);
  });

  it("compacts into a snapshot, keeps every row's author stamp, and loads snapshot + newer updates", async () => {
    const doc = new Y.Doc();
    const stampA = { userId: null, organizationId: null };
    const first = await log.append("p/charter", typed(doc, "one "), stampA);
    const second = await log.append("p/charter", typed(doc, "two "), stampA);
    await log.compact("p/charter", Y.encodeStateAsUpdate(doc), second);
    const third = await log.append("p/charter", typed(doc, "three"), stampA);

    const stored = await log.load("p/charter");
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(1);
    expect(stored.lastUpdateId).toBe(third);
    expect(stateOf([stored.snapshot!, ...stored.updates])).toBe("one two three");

    const rows = await store.db
      .selectFrom("document_updates")
      .select(["id", "update", "created_at"])
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.id)).toEqual([first, second, third]);
    expect(rows.map((r) => r.update.byteLength > 0)).toEqual([false, false, true]);
    expect(rows.every((r) => r.created_at > 0)).toBe(true);
  });

  it("ignores a compaction older than the current snapshot", async () => {
    const doc = new Y.Doc();
    const stamp = { userId: null, organizationId: null };
    const first = await log.append("p/charter", typed(doc, "a"), stamp);
    const second = await log.append("p/charter", typed(doc, "b"), stamp);
    await log.compact("p/charter", Y.encodeStateAsUpdate(doc), second);
    await log.compact("p/charter", new Uint8Array([0, 0]), first);
    const stored = await log.load("p/charter");
    expect(stateOf([stored.snapshot!, ...stored.updates])).toBe("ab");
  });
});
