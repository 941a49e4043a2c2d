import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function loginThrottle(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // One row per failed sign-in (and per attempt being checked), shared by every
      // instance: counted per (account, address), per address and per account.
      await db.schema
        .createTable("login_failures")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("account", "text", (c) => c.notNull())
        .addColumn("address", "text", (c) => c.notNull())
        .addColumn("failed_at", millis, (c) => c.notNull())
        .execute();
      for (const [name, columns] of [
        ["login_failures_pair", ["account", "address", "failed_at"]],
        ["login_failures_address", ["address", "failed_at"]],
        ["login_failures_time", ["failed_at"]],
      ] as const) {
        await db.schema
          .createIndex(name)
          .on("login_failures")
          .columns([...columns])
          .execute();
      }
    },
  };
}
