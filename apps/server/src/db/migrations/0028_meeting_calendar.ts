import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function meetingCalendar(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // Where and when a meeting happens for calendars; `calendar_sequence` is the
      // iCalendar SEQUENCE, raised each time its time, place or title moves.
      await db.schema
        .alterTable("meetings")
        .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("UTC"))
        .execute();
      await db.schema
        .alterTable("meetings")
        .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
        .execute();
      await db.schema.alterTable("meetings").addColumn("video_url", "text").execute();
      await db.schema
        .alterTable("meetings")
        .addColumn("calendar_sequence", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      // What calendars still need of a deleted meeting: enough to say it is cancelled,
      // kept 30 days (`expires_at`) and pruned after.
      await db.schema
        .createTable("cancelled_meetings")
        .addColumn("meeting_id", "text", (c) => c.primaryKey())
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("starts_at", millis, (c) => c.notNull())
        .addColumn("duration_minutes", "integer", (c) => c.notNull())
        .addColumn("time_zone", "text", (c) => c.notNull())
        .addColumn("place", "text", (c) => c.notNull())
        .addColumn("calendar_sequence", "integer", (c) => c.notNull())
        .addColumn("cancelled_at", millis, (c) => c.notNull())
        .addColumn("expires_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("cancelled_meetings_partnership")
        .on("cancelled_meetings")
        .columns(["partnership_id", "expires_at"])
        .execute();
      // One private feed per user; the URL's token is the credential, stored as its SHA-256.
      await db.schema
        .createTable("calendar_feeds")
        .addColumn("user_id", "text", (c) =>
          c.primaryKey().references("users.id").onDelete("cascade"),
        )
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
    },
  };
}
