/**
 * Groups of notes on a board. Every member sees every group's title, so only revealed notes
 * may be grouped; deleting a group keeps its notes, ungrouped, and drops its dots.
 */
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import { newId } from "../ids.js";
import { orderedNow } from "../ordered-clock.js";
import { visibleNotes } from "./board-lookups.js";
import { dropDotsOn } from "./vote-records.js";
import { conflict, invalid } from "./workshop-errors.js";

/**
 * A group of revealed notes (or none yet), made by `userId`. A group of notes still hidden
 * would tell the others about them: 409 until the reveal.
 */
export async function insertGroup(
  trx: Transaction<Database>,
  meetingId: string,
  userId: string,
  input: { title: string; noteIds: readonly string[] },
): Promise<void> {
  const wanted = [...new Set(input.noteIds)];
  if (wanted.length > 0) {
    const found = await visibleNotes(trx, meetingId, userId)
      .select(["workshop_notes.id", "workshop_notes.revealed_at"])
      .where("workshop_notes.id", "in", wanted)
      .execute();
    const known = new Map(found.map((n) => [n.id, n]));
    const missing = input.noteIds.findIndex((id) => !known.has(id));
    if (missing !== -1) throw invalid(`noteIds.${missing}`, "not a note of this board");
    if (found.some((n) => n.revealed_at === null)) {
      throw conflict("Reveal the notes before grouping them: everyone sees a group's title");
    }
  }
  const id = newId();
  await trx
    .insertInto("workshop_groups")
    .values({
      id,
      meeting_id: meetingId,
      title: input.title,
      created_by_user_id: userId,
      conversion_kind: null,
      conversion_item_id: null,
      converted_by_user_id: null,
      converted_at: null,
      created_at: orderedNow(),
    })
    .execute();
  if (wanted.length > 0) {
    await trx
      .updateTable("workshop_notes")
      .set({ group_id: id, updated_at: Date.now() })
      .where("id", "in", wanted)
      .execute();
  }
}

export async function renameGroup(
  trx: Transaction<Database>,
  groupId: string,
  title: string,
): Promise<void> {
  await trx.updateTable("workshop_groups").set({ title }).where("id", "=", groupId).execute();
}

/** Deletes a group: its notes stay, ungrouped; its dots go. */
export async function removeGroup(
  trx: Transaction<Database>,
  meetingId: string,
  groupId: string,
): Promise<void> {
  await trx
    .updateTable("workshop_notes")
    .set({ group_id: null })
    .where("group_id", "=", groupId)
    .execute();
  await dropDotsOn(trx, meetingId, groupId);
  await trx.deleteFrom("workshop_groups").where("id", "=", groupId).execute();
}
