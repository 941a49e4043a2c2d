import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/**
 * What the periodic watches (`governance-watch.ts`, `item-watch.ts`) read and write to tell
 * each event once, whichever instance sees it first.
 */

/** Who sent an update: the server stamps each one with its user and organization. */
export interface Editor {
  userId: string;
  organizationId: string;
}

/**
 * Records that the event `key` is being told; false when someone (another instance, or an
 * earlier check) already did.
 */
export async function claimNotificationMark(
  db: Kysely<Database>,
  partnershipId: string,
  key: string,
  now: number,
): Promise<boolean> {
  const inserted = await db
    .insertInto("notification_marks")
    .values({ key, partnership_id: partnershipId, created_at: now })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .executeTakeFirst();
  return inserted.numInsertedOrUpdatedRows === 1n;
}

/** Whoever stored the document's latest update, when a user did. */
export async function lastEditor(
  db: Kysely<Database>,
  documentName: string,
): Promise<Editor | null> {
  const row = await db
    .selectFrom("document_updates")
    .select(["user_id", "organization_id"])
    .where("document_name", "=", documentName)
    .where("user_id", "is not", null)
    .where("organization_id", "is not", null)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.user_id && row.organization_id
    ? { userId: row.user_id, organizationId: row.organization_id }
    : null;
}

/** The account still exists (an item's creator may have deleted theirs). */
export async function userExists(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
  return row !== undefined;
}
