/**
 * Reads of a board that its edits and its projection share: the notes a member may see (a
 * hidden note of someone else is filtered out by the query itself), and whether a column or a
 * group named in a request belongs to the board.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import { invalid } from "./workshop-errors.js";

/** The database, or a transaction in it. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** The notes `viewerId` may see; hidden notes of others are filtered out by the query. */
export function visibleNotes(db: Executor, meetingId: string, viewerId: string) {
  return db
    .selectFrom("workshop_notes")
    .where("workshop_notes.meeting_id", "=", meetingId)
    .where((eb) =>
      eb.or([
        eb("workshop_notes.revealed_at", "is not", null),
        eb("workshop_notes.author_user_id", "=", viewerId),
      ]),
    );
}

/** A 400 on `field` unless `id` is a column of the board. */
export function requireColumn(trx: Executor, meetingId: string, id: string, field: string) {
  return requireOnBoard(trx, "workshop_columns", meetingId, id, field);
}

/** A 400 on `field` unless `id` is a group of the board. */
export function requireGroup(trx: Executor, meetingId: string, id: string, field: string) {
  return requireOnBoard(trx, "workshop_groups", meetingId, id, field);
}

const PART_NAMES = { workshop_columns: "column", workshop_groups: "group" } as const;

async function requireOnBoard(
  trx: Executor,
  table: keyof typeof PART_NAMES,
  meetingId: string,
  id: string,
  field: string,
): Promise<void> {
  const part = await trx
    .selectFrom(table)
    .select("id")
    .where("id", "=", id)
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  if (!part) throw invalid(field, `not a ${PART_NAMES[table]} of this board`);
}
