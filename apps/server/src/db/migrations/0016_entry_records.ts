import type { ColumnDefinitionBuilder, Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function entryRecords(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      const partnership = (c: ColumnDefinitionBuilder) =>
        c.notNull().references("partnerships.id").onDelete("cascade");
      // The server's record of what each applied update changed in a structured
      // document's entries, with the sender it authenticated: field history and the
      // actor of notifications. Values are JSON, bounded in size.
      await db.schema
        .createTable("entry_changes")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("partnership_id", "text", partnership)
        .addColumn("document_name", "text", (c) => c.notNull())
        .addColumn("collection", "text", (c) => c.notNull())
        .addColumn("entry_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("fields", "text", (c) => c.notNull())
        .addColumn("user_id", "text")
        .addColumn("organization_id", "text")
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("entry_changes_entry")
        .on("entry_changes")
        .columns(["document_name", "entry_id", "at"])
        .execute();
      await db.schema
        .createIndex("entry_changes_partnership")
        .on("entry_changes")
        .columns(["partnership_id", "at"])
        .execute();
      // Deleted entries, kept (with their nested entries) for 30 days to be restored.
      await db.schema
        .createTable("entry_trash")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("partnership_id", "text", partnership)
        .addColumn("document_name", "text", (c) => c.notNull())
        .addColumn("collection", "text", (c) => c.notNull())
        .addColumn("entry_id", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("owner_organization_id", "text")
        .addColumn("entry", "text", (c) => c.notNull())
        .addColumn("deleted_by_user_id", "text")
        .addColumn("deleted_by_organization_id", "text")
        .addColumn("deleted_at", millis, (c) => c.notNull())
        .addColumn("expires_at", millis, (c) => c.notNull())
        .addColumn("restored_by_user_id", "text")
        .addColumn("restored_at", millis)
        .execute();
      await db.schema
        .createIndex("entry_trash_partnership")
        .on("entry_trash")
        .columns(["partnership_id", "deleted_at"])
        .execute();
      await db.schema
        .createIndex("entry_trash_expiry")
        .on("entry_trash")
        .column("expires_at")
        .execute();
      // An item notification whose actor the server's records do not know says "someone"
      // (its actor_user_id is then the recipient's own, only to satisfy the reference).
      await db.schema
        .alterTable("notifications")
        .addColumn("actor_known", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      // A decision proposed in someone else's name: whom the decision names.
      await db.schema.alterTable("notifications").addColumn("item_proposed_by", "text").execute();
    },
  };
}
