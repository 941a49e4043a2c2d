import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function digestDeliveries(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // Claimed before a digest is sent: the primary key lets one instance alone send
      // a user's digest of a partnership for a period.
      await db.schema
        .createTable("digest_deliveries")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("period_key", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("digest_deliveries_pk", [
          "user_id",
          "partnership_id",
          "period_key",
        ])
        .execute();
    },
  };
}
