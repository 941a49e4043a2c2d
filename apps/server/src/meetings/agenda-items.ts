/**
 * A meeting's agenda as stored (`agenda_items`): items kept in order by a position renumbered
 * after every move or removal, at most {@link MAX_AGENDA_ITEMS} of them.
 */
import { MAX_AGENDA_ITEMS } from "@entente/protocol";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import type { AgendaItemChanges, AgendaItemInput, AgendaItemRow } from "./meeting-types.js";

/** The agenda in its order; ties (two items added at once) by creation, then id. */
function agendaOf(db: Kysely<Database>, meetingId: string): Promise<AgendaItemRow[]> {
  return db
    .selectFrom("agenda_items")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .orderBy("position")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

async function renumber(trx: Transaction<Database>, items: readonly AgendaItemRow[]) {
  for (const [position, item] of items.entries()) {
    if (item.position === position) continue;
    await trx.updateTable("agenda_items").set({ position }).where("id", "=", item.id).execute();
  }
}

/** The agenda of a meeting being created, in the order given. */
export async function insertAgenda(
  trx: Transaction<Database>,
  meetingId: string,
  agenda: readonly AgendaItemInput[],
  now: number,
): Promise<void> {
  if (agenda.length === 0) return;
  await trx
    .insertInto("agenda_items")
    .values(
      agenda.map((item, position) => ({
        id: newId(),
        meeting_id: meetingId,
        title: item.title,
        owner_organization_id: item.ownerOrganizationId,
        timebox_minutes: item.timeboxMinutes,
        position,
        created_at: now,
      })),
    )
    .execute();
}

/** Adds an item at the end of the agenda; a full agenda is a 409. */
export async function appendAgendaItem(
  trx: Transaction<Database>,
  meetingId: string,
  input: AgendaItemInput,
  now: number,
): Promise<void> {
  const items = await agendaOf(trx, meetingId);
  // The body is valid; the meeting's agenda is what is full (create refuses the same with 400).
  if (items.length >= MAX_AGENDA_ITEMS) {
    throw new DomainError("conflict", `The agenda holds at most ${MAX_AGENDA_ITEMS} items`);
  }
  await trx
    .insertInto("agenda_items")
    .values({
      id: newId(),
      meeting_id: meetingId,
      title: input.title,
      owner_organization_id: input.ownerOrganizationId,
      timebox_minutes: input.timeboxMinutes,
      position: items.length,
      created_at: now,
    })
    .execute();
}

/** Changes an item's fields and moves it to `changes.position` (the end at most). */
export async function changeAgendaItem(
  trx: Transaction<Database>,
  item: AgendaItemRow,
  changes: AgendaItemChanges,
): Promise<void> {
  const fields = {
    ...(changes.title === undefined ? {} : { title: changes.title }),
    ...(changes.ownerOrganizationId === undefined
      ? {}
      : { owner_organization_id: changes.ownerOrganizationId }),
    ...(changes.timeboxMinutes === undefined ? {} : { timebox_minutes: changes.timeboxMinutes }),
  };
  if (Object.keys(fields).length > 0) {
    await trx.updateTable("agenda_items").set(fields).where("id", "=", item.id).execute();
  }
  if (changes.position !== undefined) {
    const others = (await agendaOf(trx, item.meeting_id)).filter((row) => row.id !== item.id);
    const position = Math.min(changes.position, others.length);
    others.splice(position, 0, item);
    await renumber(trx, others);
  }
}

/** Removes an item; the others close the gap. */
export async function removeAgendaItem(
  trx: Transaction<Database>,
  item: AgendaItemRow,
): Promise<void> {
  await trx.deleteFrom("agenda_items").where("id", "=", item.id).execute();
  await renumber(trx, await agendaOf(trx, item.meeting_id));
}
