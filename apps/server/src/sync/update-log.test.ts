import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Store } from "../db/database.js";
import { openMigratedStore, tempDatabase, TEST_STORE_IS_POSTGRES } from "../test/test-store.js";
import { DOCUMENT_LOCK_CLASS, SqlUpdateLog } from "./update-log.js";

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
    log = new SqlUpdateLog(store);
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
    expect(await log.compact("p/charter")).toBe(true);
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

  it("compacts again over the previous snapshot, and does nothing when nothing is new", async () => {
    const doc = new Y.Doc();
    const stamp = { userId: null, organizationId: null };
    await log.append("p/charter", typed(doc, "a"), stamp);
    await log.compact("p/charter");
    const second = await log.append("p/charter", typed(doc, "b"), stamp);
    await log.compact("p/charter");
    const snapshotAfterSecond = await store.db
      .selectFrom("document_snapshots")
      .select(["state", "last_update_id"])
      .executeTakeFirstOrThrow();
    expect(snapshotAfterSecond.last_update_id).toBe(second);
    expect(await log.compact("p/charter")).toBe(true);
    const stored = await log.load("p/charter");
    expect(stored.updates).toHaveLength(0);
    expect(stored.lastUpdateId).toBe(second);
    expect(stateOf([stored.snapshot!])).toBe("ab");
  });

  it("loses nothing when writers of two instances append and compact the same document at once", async () => {
    // Two logs stand for two instances; on PostgreSQL their statements run on separate connections.
    const other = new SqlUpdateLog(store);
    const writers = [new Y.Doc(), new Y.Doc()];
    const logs = [log, other];
    const rounds = 60;
    await Promise.all(
      writers.map(async (doc, w) => {
        for (let i = 0; i < rounds; i++) {
          const target = logs[(i + w) % 2]!;
          await target.append("p/charter", typed(doc, `${w}`), {
            userId: null,
            organizationId: null,
          });
          if (i % 7 === w) await target.compact("p/charter");
        }
      }),
    );
    await log.compact("p/charter");
    const stored = await log.load("p/charter");
    const text = stateOf(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
    expect([...text].filter((c) => c === "0")).toHaveLength(rounds);
    expect([...text].filter((c) => c === "1")).toHaveLength(rounds);
  });

  // Runs in the PostgreSQL pass of `npm test`: SQLite has one writer and no advisory locks.
  it.runIf(TEST_STORE_IS_POSTGRES)(
    "on PostgreSQL, skips a compaction while another instance compacts the document",
    async () => {
      const doc = new Y.Doc();
      await log.append("p/charter", typed(doc, "a"), { userId: null, organizationId: null });
      // Another instance's compaction holds the document's lock in its transaction.
      await store.db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK_CLASS}, hashtext(${"p/charter"}::text))`.execute(
          trx,
        );
        expect(await log.compact("p/charter")).toBe(false);
        // Another document is not held up.
        expect(await log.compact("p/other")).toBe(true);
      });
      expect(await log.compact("p/charter")).toBe(true);
      expect((await log.load("p/charter")).updates).toHaveLength(0);
    },
  );
});
