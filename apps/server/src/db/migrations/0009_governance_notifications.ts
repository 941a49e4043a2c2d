import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function governanceNotifications(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // Notifications about an item of the partnership rather than a post or comment.
      for (const column of ["item_kind", "item_id", "item_title", "actor_organization_id"]) {
        await db.schema.alterTable("notifications").addColumn(column, "text").execute();
      }
      // What the governance watch already told people about: one row per event, claimed
      // before notifying, so several instances tell it once.
      await db.schema
        .createTable("notification_marks")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
    },
  };
}
