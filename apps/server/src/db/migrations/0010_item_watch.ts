import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function itemWatch(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // The status the item watch last saw of each action and issue. A change is told by
      // the instance whose conditional update moves the row on (so once); a first sighting
      // is only recorded. `last_update_id`: the document's latest update then, where the
      // search for who made the next change starts.
      await db.schema
        .createTable("item_watch")
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("item_kind", "text", (c) => c.notNull())
        .addColumn("item_id", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("last_update_id", dialect === "postgres" ? "bigint" : "integer", (c) =>
          c.notNull(),
        )
        .addColumn("seen_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("item_watch_pk", ["partnership_id", "item_kind", "item_id"])
        .execute();
      // An action's or issue's notification says its status and due date at the time.
      for (const column of ["item_status", "item_due_date"]) {
        await db.schema.alterTable("notifications").addColumn(column, "text").execute();
      }
    },
  };
}
