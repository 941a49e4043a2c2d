import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql, type Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { tempDatabase, type TempDatabase } from "../test/test-store.js";
import { openStore, type Store } from "./database.js";
import { MIGRATION_NAMES, migrateToLatest, migrateUpTo } from "./migrations/index.js";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

interface Schema {
  tables: string[];
  columns: { table: string; name: string; type: string; notNull: boolean; default: unknown }[];
  indexes: { table: string; name: string; definition: unknown }[];
}

/** Tables, columns (name, type, nullability, default) and indexes, in a stable order. */
async function schemaOf(store: Store): Promise<Schema> {
  const db = store.db as unknown as Kysely<any>;
  if (store.dialect === "postgres") {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' order by table_name`.execute(db);
    const columns = await sql<{
      table: string;
      name: string;
      type: string;
      nullable: string;
      default: string | null;
    }>`
      select table_name as table, column_name as name, data_type as type,
        is_nullable as nullable, column_default as default
      from information_schema.columns where table_schema = 'public'
      order by table_name, column_name`.execute(db);
    const indexes = await sql<{ table: string; name: string; definition: string }>`
      select tablename as table, indexname as name, indexdef as definition
      from pg_indexes where schemaname = 'public' order by tablename, indexname`.execute(db);
    return {
      tables: tables.rows.map((t) => t.name),
      columns: columns.rows.map((c) => ({
        table: c.table,
        name: c.name,
        type: c.type,
        notNull: c.nullable === "NO",
        default: c.default,
      })),
      indexes: indexes.rows,
    };
  }
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' order by name`.execute(db);
  const schema: Schema = { tables: tables.rows.map((t) => t.name), columns: [], indexes: [] };
  for (const table of schema.tables) {
    const columns = await sql<{ name: string; type: string; notnull: number; dflt_value: unknown }>`
      select name, type, "notnull", dflt_value from pragma_table_info(${table})
      order by name`.execute(db);
    for (const c of columns.rows) {
      schema.columns.push({
        table,
        name: c.name,
        type: c.type,
        notNull: c.notnull === 1,
        default: c.dflt_value,
      });
    }
    const indexes = await sql<{ name: string; unique: number; origin: string; partial: number }>`
      select name, "unique", origin, partial from pragma_index_list(${table})
      order by name`.execute(db);
    for (const index of indexes.rows) {
      const indexColumns = await sql<{ name: string | null }>`
        select name from pragma_index_info(${index.name}) order by seqno`.execute(db);
      const created = await sql<{ sql: string | null }>`
        select sql from sqlite_master where type = 'index' and name = ${index.name}`.execute(db);
      schema.indexes.push({
        table,
        name: index.name,
        definition: {
          unique: index.unique,
          origin: index.origin,
          partial: index.partial,
          columns: indexColumns.rows.map((c) => c.name),
          sql: created.rows[0]?.sql ?? null,
        },
      });
    }
  }
  return schema;
}

describe("migrations", () => {
  const opened: { store: Store; temp: TempDatabase }[] = [];

  async function emptyStore(): Promise<Store> {
    const temp = await tempDatabase();
    const store = openStore(temp.url);
    opened.push({ store, temp });
    return store;
  }

  afterEach(async () => {
    for (const { store, temp } of opened.splice(0)) {
      await store.close();
      await temp.cleanup();
    }
  });

  it("lists every file of the migrations folder, in name order", () => {
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((file) => /^\d{4}_[a-z0-9_]+\.ts$/.test(file))
      .map((file) => file.slice(0, -".ts".length))
      .sort();
    expect(MIGRATION_NAMES).toEqual(files);
    expect([...MIGRATION_NAMES].sort()).toEqual(MIGRATION_NAMES);
  });

  it("gives a database migrated one step at a time the schema of one migrated at once", async () => {
    const stepped = await emptyStore();
    for (const name of MIGRATION_NAMES) await migrateUpTo(stepped.db, stepped.dialect, name);
    const fresh = await emptyStore();
    await migrateToLatest(fresh.db, fresh.dialect);

    const expected = await schemaOf(fresh);
    expect(expected.tables).toContain("users");
    expect(expected.indexes.map((i) => i.name)).toContain("notifications_user_partnership_created");
    expect(await schemaOf(stepped)).toEqual(expected);

    const applied = await (stepped.db as unknown as Kysely<any>)
      .selectFrom("kysely_migration")
      .select("name")
      .orderBy("name")
      .execute();
    expect(applied.map((row: { name: string }) => row.name)).toEqual(MIGRATION_NAMES);
    // Some thirty migrator runs, each taking its lock: seconds on PostgreSQL.
  }, 90_000);
});
