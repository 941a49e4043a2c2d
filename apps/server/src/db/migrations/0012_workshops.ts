import type { ColumnDefinitionBuilder, Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function workshops(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      const meeting = (c: ColumnDefinitionBuilder) =>
        c.notNull().references("meetings.id").onDelete("cascade");
      // The board, timer and vote of a meeting's workshop; made on first use.
      await db.schema
        .createTable("workshops")
        .addColumn("meeting_id", "text", (c) =>
          c.primaryKey().references("meetings.id").onDelete("cascade"),
        )
        .addColumn("phase", "text", (c) => c.notNull())
        .addColumn("timer_status", "text", (c) => c.notNull())
        .addColumn("timer_duration_ms", millis)
        .addColumn("timer_ends_at", millis)
        .addColumn("timer_remaining_ms", millis)
        .addColumn("vote_status", "text", (c) => c.notNull())
        .addColumn("votes_per_person", "integer")
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("updated_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("workshop_columns")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("meeting_id", "text", meeting)
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("workshop_columns_meeting")
        .on("workshop_columns")
        .columns(["meeting_id", "position"])
        .execute();
      // A note is hidden from everyone but its author while `revealed_at` is null.
      await db.schema
        .createTable("workshop_notes")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("meeting_id", "text", meeting)
        .addColumn("author_user_id", "text", (c) =>
          c.notNull().references("users.id").onDelete("cascade"),
        )
        .addColumn("organization_id", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("column_id", "text", (c) => c.notNull())
        .addColumn("group_id", "text")
        .addColumn("revealed_at", millis)
        .addColumn("conversion_kind", "text")
        .addColumn("conversion_item_id", "text")
        .addColumn("converted_by_user_id", "text")
        .addColumn("converted_at", millis)
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("updated_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("workshop_notes_meeting")
        .on("workshop_notes")
        .columns(["meeting_id", "created_at"])
        .execute();
      await db.schema
        .createTable("workshop_groups")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("meeting_id", "text", meeting)
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("created_by_user_id", "text", (c) => c.notNull())
        .addColumn("conversion_kind", "text")
        .addColumn("conversion_item_id", "text")
        .addColumn("converted_by_user_id", "text")
        .addColumn("converted_at", millis)
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("workshop_groups_meeting")
        .on("workshop_groups")
        .columns(["meeting_id", "created_at"])
        .execute();
      // Dots: one row per voter and target. Never shown with the voter, except to the voter.
      await db.schema
        .createTable("workshop_votes")
        .addColumn("meeting_id", "text", meeting)
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("target_kind", "text", (c) => c.notNull())
        .addColumn("target_id", "text", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("workshop_votes_pk", ["meeting_id", "user_id", "target_id"])
        .execute();
    },
  };
}
