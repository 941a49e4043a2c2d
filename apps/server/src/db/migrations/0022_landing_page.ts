import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function landingPage(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // Per member and partnership: the page `/p/:id` opens on. No row: the charter.
      await db.schema
        .createTable("landing_pages")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("page", "text", (c) => c.notNull())
        .addColumn("updated_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("landing_pages_pk", ["user_id", "partnership_id"])
        .execute();
    },
  };
}
