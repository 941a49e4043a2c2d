import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function kpiTargets(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // Two-key KPI targets: a proposal per target change, kept after it is applied,
      // withdrawn or replaced, so the target history can say who proposed and who agreed.
      await db.schema
        .createTable("kpi_target_proposals")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("objective_id", "text", (c) => c.notNull())
        .addColumn("kpi_id", "text", (c) => c.notNull())
        .addColumn("target", dialect === "postgres" ? "double precision" : "real", (c) =>
          c.notNull(),
        )
        .addColumn("note", "text")
        .addColumn("proposed_by_user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        // JSON array: the owners whose agreement it needed when proposed.
        .addColumn("required_organization_ids", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("resolved_at", millis)
        .addColumn("withdrawn_by_user_id", "text")
        .addColumn("withdrawn_by_organization_id", "text")
        .execute();
      await db.schema
        .createIndex("kpi_target_proposals_partnership")
        .on("kpi_target_proposals")
        .columns(["partnership_id", "kpi_id", "created_at"])
        .execute();
      // At most one pending proposal per KPI: of two made at once, one lands.
      await sql`create unique index kpi_target_proposals_one_pending
          on kpi_target_proposals (partnership_id, kpi_id) where status = 'pending'`.execute(db);
      await db.schema
        .createTable("kpi_target_agreements")
        .addColumn("proposal_id", "text", (c) =>
          c.notNull().references("kpi_target_proposals.id").onDelete("cascade"),
        )
        .addColumn("organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("kpi_target_agreements_pk", ["proposal_id", "organization_id"])
        .execute();
    },
  };
}
