import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function partnershipTemplates(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // The template a partnership started from (none: it started blank), and in which language.
      await db.schema
        .createTable("partnership_templates")
        .addColumn("partnership_id", "text", (c) =>
          c.primaryKey().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("template", "text", (c) => c.notNull())
        .addColumn("language", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
    },
  };
}
