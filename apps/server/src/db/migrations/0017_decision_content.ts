import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function decisionContent(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // The decision content each vote was cast on (hash of its canonical JSON). Votes
      // recorded before have none: they bind to nothing, so they count only in a decision
      // already decided (whose decided content is taken as it stands on first read).
      await db.schema.alterTable("decision_votes").addColumn("content_version", "text").execute();
      // What was decided: one row per decided decision, written with the deciding vote.
      await db.schema
        .createTable("decision_agreements")
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("decision_id", "text", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("content_version", "text", (c) => c.notNull())
        .addColumn("content", "text", (c) => c.notNull())
        .addColumn("decided_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("decision_agreements_pk", ["partnership_id", "decision_id"])
        .execute();
    },
  };
}
