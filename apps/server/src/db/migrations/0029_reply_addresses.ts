import type { Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

/** Reply by e-mail: the key a reply address's token names, bound to one user and one thread. */
export function replyAddresses(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db) {
      await db.schema
        .createTable("reply_addresses")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("partnership_id", "text", (c) => c.notNull())
        .addColumn("target_kind", "text", (c) => c.notNull())
        .addColumn("target_id", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("reply_addresses_target")
        .on("reply_addresses")
        .columns(["user_id", "target_kind", "target_id"])
        .unique()
        .execute();
    },
  };
}
