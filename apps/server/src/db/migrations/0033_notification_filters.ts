import type { Kysely, Migration } from "kysely";

/** The notifications page lists one partnership's notifications of a user, newest first. */
export function notificationFilters(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createIndex("notifications_user_partnership_created")
        .on("notifications")
        .columns(["user_id", "partnership_id", "created_at", "id"])
        .execute();
    },
  };
}
