import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

/** A meeting's discussion post in the updates feed (reply by e-mail to meeting e-mails). */
export function meetingDiscussions(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("meeting_discussions")
        .addColumn("meeting_id", "text", (c) =>
          c.primaryKey().references("meetings.id").onDelete("cascade"),
        )
        .addColumn("post_id", "text", (c) => c.notNull().references("posts.id").onDelete("cascade"))
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
    },
  };
}
