import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function meetings(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      const serial = dialect === "postgres" ? "bigserial" : "integer";
      await db.schema
        .createTable("meetings")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("level", "text", (c) => c.notNull())
        .addColumn("starts_at", millis, (c) => c.notNull())
        .addColumn("duration_minutes", "integer", (c) => c.notNull())
        .addColumn("facilitator_user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_by_user_id", "text", (c) => c.notNull())
        .addColumn("created_by_organization_id", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("meetings_partnership_starts")
        .on("meetings")
        .columns(["partnership_id", "starts_at"])
        .execute();

      // The organization is stamped when the participant is added (a user belongs to one).
      await db.schema
        .createTable("meeting_participants")
        .addColumn("meeting_id", "text", (c) =>
          c.notNull().references("meetings.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("organization_id", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("meeting_participants_pk", ["meeting_id", "user_id"])
        .execute();

      await db.schema
        .createTable("agenda_items")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("meeting_id", "text", (c) =>
          c.notNull().references("meetings.id").onDelete("cascade"),
        )
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("owner_organization_id", "text", (c) => c.notNull())
        .addColumn("timebox_minutes", "integer", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("agenda_items_meeting_position")
        .on("agenda_items")
        .columns(["meeting_id", "position"])
        .execute();

      // History: sign-offs are only ever inserted; the latest of each organization counts.
      await db.schema
        .createTable("agenda_sign_offs")
        .addColumn("id", serial, (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("agenda_item_id", "text", (c) =>
          c.notNull().references("agenda_items.id").onDelete("cascade"),
        )
        .addColumn("organization_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("version", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("agenda_sign_offs_item")
        .on("agenda_sign_offs")
        .columns(["agenda_item_id", "id"])
        .execute();

      // One row per level that has a rhythm; a level without one has no row.
      await db.schema
        .createTable("governance_rhythms")
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("level", "text", (c) => c.notNull())
        .addColumn("interval_days", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("governance_rhythms_pk", ["partnership_id", "level"])
        .execute();
    },
  };
}
