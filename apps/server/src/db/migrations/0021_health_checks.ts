import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function healthChecks(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // A health check cycle. `respondent_secret` exists only while it is open: it keys
      // the respondent tokens that let a member replace their answer, and goes at close.
      await db.schema
        .createTable("health_checks")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("dimensions", "text", (c) => c.notNull())
        .addColumn("min_respondents", "integer", (c) => c.notNull())
        .addColumn("respondent_secret", "text")
        .addColumn("opened_at", millis, (c) => c.notNull())
        .addColumn("closed_at", millis)
        .execute();
      await db.schema
        .createIndex("health_checks_partnership")
        .on("health_checks")
        .columns(["partnership_id", "opened_at"])
        .execute();
      // Answers carry no user id and no time; only the organization (results are per side).
      await db.schema
        .createTable("health_check_answers")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("health_check_id", "text", (c) =>
          c.notNull().references("health_checks.id").onDelete("cascade"),
        )
        .addColumn("organization_id", "text", (c) => c.notNull())
        .addColumn("respondent_token", "text")
        .addColumn("ratings", "text", (c) => c.notNull())
        .addColumn("comment", "text")
        .execute();
      await db.schema
        .createIndex("health_check_answers_token")
        .on("health_check_answers")
        .columns(["health_check_id", "respondent_token"])
        .unique()
        .execute();
      // Who answered a closed cycle (not what): written at close, in user id order.
      await db.schema
        .createTable("health_check_respondents")
        .addColumn("health_check_id", "text", (c) =>
          c.notNull().references("health_checks.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("health_check_respondents_pk", ["health_check_id", "user_id"])
        .execute();
    },
  };
}
