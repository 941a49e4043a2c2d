import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../database.js";
import { blobType, millisType } from "./shared.js";

export function documentSnapshots(dialect: Dialect): Migration {
  const blob = blobType(dialect);
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("document_snapshots")
        .addColumn("document_name", "text", (c) => c.primaryKey())
        .addColumn("state", sql.raw(blob), (c) => c.notNull())
        .addColumn("last_update_id", "bigint", (c) => c.notNull())
        .addColumn("updated_at", millis, (c) => c.notNull())
        .execute();
    },
  };
}
