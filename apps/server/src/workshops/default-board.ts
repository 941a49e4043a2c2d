import type { Language } from "@entente/protocol";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import { newId } from "../ids.js";

/** The one column a board starts with, named in its facilitator's language. */
export const DEFAULT_COLUMN_TITLE: Record<Language, string> = {
  en: "Ideas",
  fr: "Idées",
};

/** Whether the board has at least one column (the cheap check before taking the lock). */
export async function hasColumns(
  db: Kysely<Database> | Transaction<Database>,
  meetingId: string,
): Promise<boolean> {
  const column = await db
    .selectFrom("workshop_columns")
    .select("id")
    .where("meeting_id", "=", meetingId)
    .limit(1)
    .executeTakeFirst();
  return column !== undefined;
}

/**
 * Gives a board without columns its default one, so that a participant who arrives before
 * the facilitator can write notes at once (the facilitator renames or replaces it later;
 * its notes follow, see `WorkshopService.setColumns`). Runs inside a transaction that holds
 * the workshop's row, so two first visitors make one column, not two.
 */
export async function ensureDefaultBoard(
  trx: Transaction<Database>,
  meetingId: string,
  facilitatorId: string,
): Promise<void> {
  if (await hasColumns(trx, meetingId)) return;
  const preferences = await trx
    .selectFrom("user_preferences")
    .select("language")
    .where("user_id", "=", facilitatorId)
    .executeTakeFirst();
  await trx
    .insertInto("workshop_columns")
    .values({
      id: newId(),
      meeting_id: meetingId,
      title: DEFAULT_COLUMN_TITLE[preferences?.language ?? "en"],
      position: 0,
    })
    .execute();
}
