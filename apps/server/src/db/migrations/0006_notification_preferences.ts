import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function notificationPreferences(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // One row per user who changed anything; defaults live in the code.
      await db.schema
        .createTable("user_preferences")
        .addColumn("user_id", "text", (c) =>
          c.primaryKey().references("users.id").onDelete("cascade"),
        )
        .addColumn("language", "text")
        // {kind: boolean} of the e-mail choices the user made, as JSON text.
        .addColumn("email_kinds", "text", (c) => c.notNull())
        .addColumn("updated_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("digest_subscriptions")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("frequency", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("digest_subscriptions_pk", ["user_id", "partnership_id"])
        .execute();
    },
  };
}
