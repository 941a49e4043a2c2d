/**
 * Sticky notes on a board: written by a member (hidden from the others in the private phase),
 * changed under the rules of who may change what while the note is hidden, deleted with their
 * dots.
 */
import type { Transaction } from "kysely";
import type { Database, WorkshopsTable } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import { orderedNow } from "../ordered-clock.js";
import { requireColumn, requireGroup, type Executor } from "./board-lookups.js";
import { dropDotsOn } from "./vote-records.js";
import { conflict } from "./workshop-errors.js";

export interface NotePatch {
  text?: string | undefined;
  columnId?: string | undefined;
  groupId?: string | null | undefined;
}

/** The author's new note in a column: revealed at once when the phase is, hidden otherwise. */
export async function insertNote(
  trx: Transaction<Database>,
  workshop: WorkshopsTable,
  author: { userId: string; organizationId: string },
  input: { text: string; columnId: string },
): Promise<void> {
  await requireColumn(trx, workshop.meeting_id, input.columnId, "columnId");
  const now = orderedNow();
  await trx
    .insertInto("workshop_notes")
    .values({
      id: newId(),
      meeting_id: workshop.meeting_id,
      author_user_id: author.userId,
      organization_id: author.organizationId,
      text: input.text,
      column_id: input.columnId,
      group_id: null,
      revealed_at: workshop.phase === "revealed" ? now : null,
      conversion_kind: null,
      conversion_item_id: null,
      converted_by_user_id: null,
      converted_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * Text: the author only. Column: the author while the note is hidden, any editor once it
 * is revealed. Group: revealed notes only (a 409 before), since every member sees every
 * group's title. A note hidden from the caller is 404, like one that is gone.
 */
export async function changeNote(
  trx: Transaction<Database>,
  meetingId: string,
  userId: string,
  noteId: string,
  patch: NotePatch,
): Promise<void> {
  const note = await noteForUpdate(trx, userId, noteId);
  const own = note.author_user_id === userId;
  if (patch.text !== undefined && !own) {
    throw DomainError.forbidden("Only its author can change a note's text");
  }
  const moving = patch.columnId !== undefined || patch.groupId !== undefined;
  if (moving && note.revealed_at === null && !own) {
    throw DomainError.forbidden("Only its author can move a hidden note");
  }
  if (patch.groupId !== undefined && patch.groupId !== null && note.revealed_at === null) {
    throw conflict("Reveal the note before grouping it: everyone sees a group's title");
  }
  if (patch.columnId !== undefined) {
    await requireColumn(trx, meetingId, patch.columnId, "columnId");
  }
  if (patch.groupId !== undefined && patch.groupId !== null) {
    await requireGroup(trx, meetingId, patch.groupId, "groupId");
  }
  await trx
    .updateTable("workshop_notes")
    .set({
      ...(patch.text === undefined ? {} : { text: patch.text }),
      ...(patch.columnId === undefined ? {} : { column_id: patch.columnId }),
      ...(patch.groupId === undefined ? {} : { group_id: patch.groupId }),
      updated_at: Date.now(),
    })
    .where("id", "=", noteId)
    .execute();
}

/** Deletes a note and the dots cast on it. */
export async function removeNote(
  trx: Transaction<Database>,
  meetingId: string,
  noteId: string,
): Promise<void> {
  await dropDotsOn(trx, meetingId, noteId);
  await trx.deleteFrom("workshop_notes").where("id", "=", noteId).execute();
}

/** The note as read under the board's lock: 404 if gone, or hidden from `userId`. */
async function noteForUpdate(trx: Executor, userId: string, noteId: string) {
  const note = await trx
    .selectFrom("workshop_notes")
    .select(["author_user_id", "revealed_at"])
    .where("id", "=", noteId)
    .executeTakeFirst();
  if (!note || (note.revealed_at === null && note.author_user_id !== userId)) {
    throw DomainError.notFound("No such note");
  }
  return note;
}
