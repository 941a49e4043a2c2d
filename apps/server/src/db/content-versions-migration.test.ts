import type { Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { tempDatabase } from "../test/test-store.js";
import { openStore, type Store } from "./database.js";
import { migrateToLatest, migrateUpTo } from "./migrations/index.js";

/** Migration 0018 on a database that already holds sign-offs (both stores). */
describe("migration 0018_content_versions", () => {
  let store: Store | undefined;
  let cleanup: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await store?.close();
    await cleanup?.();
  });

  it("keeps every sign-off, in order, and stops deleting them with their item", async () => {
    const temp = await tempDatabase();
    cleanup = temp.cleanup;
    store = openStore(temp.url);
    await migrateUpTo(store.db, store.dialect, "0012_workshops");
    // The schema of 0012, not today's types.
    const db = store.db as unknown as Kysely<any>;
    await db
      .insertInto("users")
      .values([
        { id: "u1", email: "a@example.test", name: "Amara", password_hash: "x", created_at: 1 },
        { id: "u2", email: "s@example.test", name: "Sofia", password_hash: "x", created_at: 1 },
      ])
      .execute();
    await db
      .insertInto("organizations")
      .values([
        { id: "o1", name: "Northwind", created_at: 1 },
        { id: "o2", name: "Southpeak", created_at: 1 },
      ])
      .execute();
    await db
      .insertInto("partnerships")
      .values({ id: "p1", name: "N × S", created_by: "u1", created_at: 1 })
      .execute();
    await db
      .insertInto("meetings")
      .values({
        id: "m1",
        partnership_id: "p1",
        title: "Steering",
        kind: "steering_committee",
        level: "strategic",
        starts_at: 1000,
        duration_minutes: 60,
        facilitator_user_id: "u1",
        created_by_user_id: "u1",
        created_by_organization_id: "o1",
        created_at: 1,
      })
      .execute();
    await db
      .insertInto("agenda_items")
      .values(
        ["i1", "i2"].map((id, position) => ({
          id,
          meeting_id: "m1",
          title: `Item ${id}`,
          owner_organization_id: "o1",
          timebox_minutes: 10,
          position,
          created_at: 1,
        })),
      )
      .execute();
    await db
      .insertInto("agenda_sign_offs")
      .values([
        {
          agenda_item_id: "i1",
          organization_id: "o1",
          user_id: "u1",
          version: "v1",
          created_at: 10,
        },
        {
          agenda_item_id: "i2",
          organization_id: "o2",
          user_id: "u2",
          version: "v2",
          created_at: 20,
        },
        {
          agenda_item_id: "i1",
          organization_id: "o2",
          user_id: "u2",
          version: "v1",
          created_at: 30,
        },
      ])
      .execute();

    await migrateToLatest(store.db, store.dialect);

    const rows = await store.db
      .selectFrom("agenda_sign_offs")
      .select([
        "partnership_id",
        "meeting_id",
        "agenda_item_id",
        "organization_id",
        "version",
        "snapshot",
        "deleted_at",
      ])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      {
        partnership_id: "p1",
        meeting_id: "m1",
        agenda_item_id: "i1",
        organization_id: "o1",
        version: "v1",
        snapshot: null,
        deleted_at: null,
      },
      {
        partnership_id: "p1",
        meeting_id: "m1",
        agenda_item_id: "i2",
        organization_id: "o2",
        version: "v2",
        snapshot: null,
        deleted_at: null,
      },
      {
        partnership_id: "p1",
        meeting_id: "m1",
        agenda_item_id: "i1",
        organization_id: "o2",
        version: "v1",
        snapshot: null,
        deleted_at: null,
      },
    ]);

    // No cascade from the item any more; a new row gets the next id.
    await store.db.deleteFrom("meetings").where("id", "=", "m1").execute();
    expect(await store.db.selectFrom("agenda_items").selectAll().execute()).toEqual([]);
    await store.db
      .insertInto("agenda_sign_offs")
      .values({
        partnership_id: "p1",
        meeting_id: "m1",
        agenda_item_id: "i2",
        organization_id: "o1",
        user_id: "u1",
        version: "v3",
        snapshot: null,
        created_at: 40,
      })
      .execute();
    const ids = (
      await store.db.selectFrom("agenda_sign_offs").select("id").orderBy("id").execute()
    ).map((row) => Number(row.id));
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    // A partnership's deletion still takes them.
    await store.db.deleteFrom("partnerships").where("id", "=", "p1").execute();
    expect(await store.db.selectFrom("agenda_sign_offs").selectAll().execute()).toEqual([]);
  });
});
