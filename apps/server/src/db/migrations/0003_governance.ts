import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function governance(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // History tables: rows are only ever inserted, so "who endorsed or voted what, when" stays.
      const serial = dialect === "postgres" ? "bigserial" : "integer";
      await db.schema
        .createTable("charter_endorsements")
        .addColumn("id", serial, (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("version", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("charter_endorsements_partnership_id")
        .on("charter_endorsements")
        .columns(["partnership_id", "id"])
        .execute();

      await db.schema
        .createTable("decision_votes")
        .addColumn("id", serial, (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("decision_id", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("vote", "text", (c) => c.notNull())
        .addColumn("comment", "text")
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      // One row per position in a decision's history: of two votes cast on the same view
      // of it, only one lands, so nothing is ever recorded after the vote that decided it.
      await db.schema
        .createIndex("decision_votes_decision_seq")
        .on("decision_votes")
        .columns(["partnership_id", "decision_id", "seq"])
        .unique()
        .execute();
    },
  };
}
