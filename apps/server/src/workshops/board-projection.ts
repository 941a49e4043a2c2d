/**
 * The board as one member may see it (`WorkshopView`): columns, the notes they may read (a
 * hidden note of someone else is never read from the database), how many notes each
 * organization still hides, the groups, the timer, the vote, and what became of converted
 * notes and groups.
 */
import type { NoteConversionKind, NoteConversionView, WorkshopView } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { visibleNotes } from "./board-lookups.js";
import { timerFromColumns, timerView } from "./timer.js";
import { voteView } from "./vote-records.js";
import type { WorkshopMeeting } from "./workshop-access.js";

function iso(millis: number): string {
  return new Date(millis).toISOString();
}

/** The workshop as `viewerId` may see it. */
export async function projectBoard(
  db: Kysely<Database>,
  meeting: WorkshopMeeting,
  viewerId: string,
): Promise<WorkshopView> {
  const { meetingId } = meeting;
  const workshop = await db
    .selectFrom("workshops")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .executeTakeFirstOrThrow();
  const columns = await db
    .selectFrom("workshop_columns")
    .select(["id", "title"])
    .where("meeting_id", "=", meetingId)
    .orderBy("position")
    .execute();
  const notes = await visibleNotes(db, meetingId, viewerId)
    .innerJoin("users as author", "author.id", "workshop_notes.author_user_id")
    .leftJoin("users as converter", "converter.id", "workshop_notes.converted_by_user_id")
    .selectAll("workshop_notes")
    .select(["author.name as author_name", "converter.name as converter_name"])
    .orderBy("workshop_notes.created_at")
    .orderBy("workshop_notes.id")
    .execute();
  const hidden = await db
    .selectFrom("workshop_notes")
    .select(["organization_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("meeting_id", "=", meetingId)
    .where("revealed_at", "is", null)
    .where("author_user_id", "!=", viewerId)
    .groupBy("organization_id")
    .orderBy("organization_id")
    .execute();
  const groups = await db
    .selectFrom("workshop_groups")
    .leftJoin("users as converter", "converter.id", "workshop_groups.converted_by_user_id")
    .selectAll("workshop_groups")
    .select("converter.name as converter_name")
    .where("workshop_groups.meeting_id", "=", meetingId)
    .orderBy("workshop_groups.created_at")
    .orderBy("workshop_groups.id")
    .execute();
  return {
    meetingId,
    partnershipId: meeting.partnershipId,
    facilitatorId: meeting.facilitatorId,
    phase: workshop.phase,
    timer: timerView(timerFromColumns(workshop)),
    serverNow: iso(Date.now()),
    columns,
    notes: notes.map((note) => ({
      id: note.id,
      author: {
        id: note.author_user_id,
        name: note.author_name,
        organizationId: note.organization_id,
      },
      organizationId: note.organization_id,
      text: note.text,
      columnId: note.column_id,
      groupId: note.group_id,
      revealed: note.revealed_at !== null,
      createdAt: iso(note.created_at),
      updatedAt: iso(note.updated_at),
      conversion: conversionView(note, note.converter_name),
    })),
    groups: groups.map((group) => ({
      id: group.id,
      title: group.title,
      conversion: conversionView(group, group.converter_name),
    })),
    hidden: hidden.map((h) => ({ organizationId: h.organization_id, count: Number(h.count) })),
    vote: await voteView(db, workshop, viewerId),
  };
}

function conversionView(
  row: {
    conversion_kind: NoteConversionKind | null;
    conversion_item_id: string | null;
    converted_by_user_id: string | null;
    converted_at: number | null;
  },
  converterName: string | null,
): NoteConversionView | null {
  // An empty item id: claimed, the item is being written.
  if (
    row.conversion_kind === null ||
    !row.conversion_item_id ||
    row.converted_by_user_id === null ||
    row.converted_at === null
  ) {
    return null;
  }
  return {
    kind: row.conversion_kind,
    itemId: row.conversion_item_id,
    convertedBy: { id: row.converted_by_user_id, name: converterName ?? "" },
    convertedAt: iso(row.converted_at),
  };
}
