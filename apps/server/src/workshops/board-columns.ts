/** The board's columns as the facilitator lays them out: kept, renamed, added, reordered, removed. */
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import { newId } from "../ids.js";
import { invalid } from "./workshop-errors.js";

export interface ColumnInput {
  id?: string | undefined;
  title: string;
}

/**
 * Replaces the board's columns with `columns`, in that order (an entry without id is a new
 * column); notes of a removed column move to the first column.
 */
export async function replaceColumns(
  trx: Transaction<Database>,
  meetingId: string,
  columns: readonly ColumnInput[],
): Promise<void> {
  const existing = await trx
    .selectFrom("workshop_columns")
    .select("id")
    .where("meeting_id", "=", meetingId)
    .execute();
  const known = new Set(existing.map((c) => c.id));
  const kept = new Set<string>();
  for (const [index, column] of columns.entries()) {
    if (column.id === undefined) continue;
    if (!known.has(column.id)) {
      throw invalid(`columns.${index}.id`, "not a column of this board");
    }
    if (kept.has(column.id)) throw invalid(`columns.${index}.id`, "listed twice");
    kept.add(column.id);
  }
  const ids = columns.map((column) => column.id ?? newId());
  for (const [position, column] of columns.entries()) {
    const id = ids[position] as string;
    if (column.id === undefined) {
      await trx
        .insertInto("workshop_columns")
        .values({ id, meeting_id: meetingId, title: column.title, position })
        .execute();
    } else {
      await trx
        .updateTable("workshop_columns")
        .set({ title: column.title, position })
        .where("id", "=", id)
        .execute();
    }
  }
  const removed = [...known].filter((id) => !kept.has(id));
  if (removed.length > 0) {
    await trx
      .updateTable("workshop_notes")
      .set({ column_id: ids[0] as string })
      .where("meeting_id", "=", meetingId)
      .where("column_id", "in", removed)
      .execute();
    await trx.deleteFrom("workshop_columns").where("id", "in", removed).execute();
  }
}
