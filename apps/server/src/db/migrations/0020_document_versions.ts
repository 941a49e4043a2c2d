import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { blobType, millisType } from "./shared.js";

export function documentVersions(dialect: Dialect): Migration {
  const blob = blobType(dialect);
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // Versions of the rich-text documents: a full Yjs state each, so they outlive the
      // compaction (and garbage collection) of `document_updates`. Rows are never updated.
      await db.schema
        .createTable("document_versions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("document_name", "text", (c) => c.notNull())
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("label", "text")
        .addColumn("state", blob, (c) => c.notNull())
        .addColumn("last_update_id", millis, (c) => c.notNull())
        .addColumn("authors", "text", (c) => c.notNull())
        .addColumn("endorsed_by", "text", (c) => c.notNull())
        .addColumn("restored_from", "text")
        .addColumn("created_by", "text")
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      // One number per version of a document: of two versions made at once, one retries.
      await db.schema
        .createIndex("document_versions_number")
        .on("document_versions")
        .columns(["document_name", "number"])
        .unique()
        .execute();
      // Which update inserted which Yjs items (client id, clock range), with its stamp, so a
      // comparison can colour inserted text by the organization whose member typed it.
      await db.schema
        .createTable("document_item_stamps")
        .addColumn("document_name", "text", (c) => c.notNull())
        .addColumn("update_id", millis, (c) => c.notNull())
        .addColumn("client_id", millis, (c) => c.notNull())
        .addColumn("clock_start", millis, (c) => c.notNull())
        .addColumn("clock_end", millis, (c) => c.notNull())
        .addColumn("user_id", "text")
        .addColumn("organization_id", "text")
        .execute();
      await db.schema
        .createIndex("document_item_stamps_client")
        .on("document_item_stamps")
        .columns(["document_name", "client_id", "update_id"])
        .execute();
    },
  };
}
