import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/**
 * The live (not deleted) discussion post of each of the meetings that has one. Read by the
 * meeting's view (it links to its discussion) and by the discussion itself (answers reply in
 * it): a module of its own, so that neither imports the other.
 */
export async function discussionPostIds(
  db: Kysely<Database>,
  meetingIds: readonly string[],
): Promise<Map<string, string>> {
  if (meetingIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("meeting_discussions")
    .innerJoin("posts", "posts.id", "meeting_discussions.post_id")
    .select(["meeting_discussions.meeting_id", "meeting_discussions.post_id"])
    .where("meeting_discussions.meeting_id", "in", [...meetingIds])
    .where("posts.deleted_at", "is", null)
    .execute();
  return new Map(rows.map((row) => [row.meeting_id, row.post_id]));
}
