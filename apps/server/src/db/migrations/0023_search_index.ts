import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function searchIndex(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      const serial = dialect === "postgres" ? "bigserial" : "integer";
      await db.schema
        .createTable("search_entries")
        .addColumn("id", serial, (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("entry_key", "text", (c) => c.notNull().unique())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("partnership_id", "text", (c) => c.notNull())
        .addColumn("document_name", "text")
        .addColumn("organization_id", "text")
        .addColumn("visible_to_organization_id", "text")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("search_entries_source")
        .on("search_entries")
        .column("source")
        .execute();
      await db.schema
        .createIndex("search_entries_partnership")
        .on("search_entries")
        .column("partnership_id")
        .execute();
      await db.schema
        .createTable("search_documents")
        .addColumn("document_name", "text", (c) => c.primaryKey())
        .addColumn("last_update_id", millis, (c) => c.notNull())
        .execute();
      if (dialect === "postgres") {
        // English and French stems of the accent-folded text (folded by the server, so
        // the unaccent extension is not needed); titles weigh more.
        await sql`ALTER TABLE search_entries ADD COLUMN search_vector tsvector NOT NULL`.execute(
          db,
        );
        await sql`CREATE INDEX search_entries_vector ON search_entries USING gin (search_vector)`.execute(
          db,
        );
      } else {
        // rowid = search_entries.id; porter stems English, `stems` holds French stems.
        await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, stems, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(
          db,
        );
      }
    },
  };
}
