import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { newId } from "../ids.js";
import type { DemoCast, DemoPerson } from "./demo-cast.js";

const MINUTE_MS = 60_000;

/** The demo's workshop under way: its title in the meetings list. */
export const LIVE_WORKSHOP_TITLE =
  "Co-development workshop: what producers need from the fourth depot";

/** It started this long before the seeding, so that the board is full and the vote done. */
export const LIVE_WORKSHOP_STARTED_MINUTES_AGO = 50;

type Side = "amara" | "ben" | "sofia" | "lucas";

interface DemoNote {
  by: Side;
  column: number;
  text: string;
  /** Minutes after the workshop started. */
  at: number;
  /** The cluster it was put in, by title. */
  group?: string;
}

const COLUMNS = ["Ideas", "Concerns", "Next steps"] as const;

/** What each side wrote in the private brainstorm, all revealed by the facilitator since. */
const NOTES: readonly DemoNote[] = [
  {
    by: "lucas",
    column: 0,
    at: 6,
    text: "Shared loading slots for small producers",
    group: "Shared slots",
  },
  {
    by: "ben",
    column: 0,
    at: 7,
    text: "Book a refrigerated slot from a phone, the day before",
    group: "Shared slots",
  },
  {
    by: "sofia",
    column: 0,
    at: 8,
    text: "A cooperative price for producers who pool their pallets",
  },
  {
    by: "amara",
    column: 0,
    at: 9,
    text: "Publish each route's carbon per pallet to the producers",
  },
  { by: "ben", column: 1, at: 10, text: "Night deliveries are not allowed near the new site" },
  { by: "lucas", column: 1, at: 11, text: "Two cold rooms may not be enough at harvest peak" },
  { by: "amara", column: 2, at: 13, text: "Visit three producers with Southpeak's field team" },
  { by: "sofia", column: 2, at: 14, text: "Draft the depot's opening hours with the cooperative" },
];

/** Dots each member placed (3 each); the group "Shared slots" wins. */
const DOTS: readonly { by: Side; on: string; count: number }[] = [
  { by: "amara", on: "Shared slots", count: 2 },
  { by: "amara", on: "Publish each route's carbon per pallet to the producers", count: 1 },
  { by: "ben", on: "Shared slots", count: 1 },
  { by: "ben", on: "Two cold rooms may not be enough at harvest peak", count: 2 },
  { by: "sofia", on: "Shared slots", count: 1 },
  { by: "sofia", on: "A cooperative price for producers who pool their pallets", count: 2 },
  { by: "lucas", on: "Two cold rooms may not be enough at harvest peak", count: 1 },
  { by: "lucas", on: "Publish each route's carbon per pallet to the producers", count: 2 },
];

/**
 * The board of the demo's workshop in full swing, run by Southpeak's Lucas: notes from both
 * organizations in three columns, revealed, two of them clustered, and a dot vote both sides
 * took part in, closed, so its ranking shows and the winners wait to become actions.
 */
export async function seedLiveWorkshop(
  db: Kysely<Database>,
  cast: DemoCast,
  meetingId: string,
  startsAt: number,
): Promise<void> {
  const people: Record<Side, DemoPerson> = {
    amara: cast.amara,
    ben: cast.ben,
    sofia: cast.sofia,
    lucas: cast.lucas,
  };
  const at = (minutes: number) => startsAt + minutes * MINUTE_MS;
  const revealedAt = at(20);
  const columnIds = COLUMNS.map(() => newId());
  const groups = new Map<string, string>();
  for (const note of NOTES) {
    if (note.group !== undefined && !groups.has(note.group)) groups.set(note.group, newId());
  }
  const notes = NOTES.map((note) => ({ ...note, id: newId() }));
  const targets = new Map<string, { kind: "note" | "group"; id: string }>([
    ...[...groups].map(([title, id]) => [title, { kind: "group" as const, id }] as const),
    ...notes.map((note) => [note.text, { kind: "note" as const, id: note.id }] as const),
  ]);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("workshops")
      .values({
        meeting_id: meetingId,
        phase: "revealed",
        timer_status: "idle",
        timer_duration_ms: null,
        timer_ends_at: null,
        timer_remaining_ms: null,
        vote_status: "closed",
        votes_per_person: 3,
        created_at: at(0),
        updated_at: at(35),
      })
      .execute();
    await trx
      .insertInto("workshop_columns")
      .values(
        COLUMNS.map((title, position) => ({
          id: columnIds[position] as string,
          meeting_id: meetingId,
          title,
          position,
        })),
      )
      .execute();
    await trx
      .insertInto("workshop_groups")
      .values(
        [...groups].map(([title, id]) => ({
          id,
          meeting_id: meetingId,
          title,
          created_by_user_id: cast.lucas.id,
          conversion_kind: null,
          conversion_item_id: null,
          converted_by_user_id: null,
          converted_at: null,
          created_at: at(22),
        })),
      )
      .execute();
    await trx
      .insertInto("workshop_notes")
      .values(
        notes.map((note) => ({
          id: note.id,
          meeting_id: meetingId,
          author_user_id: people[note.by].id,
          organization_id: people[note.by].organizationId,
          text: note.text,
          column_id: columnIds[note.column] as string,
          group_id: note.group === undefined ? null : (groups.get(note.group) ?? null),
          revealed_at: revealedAt,
          conversion_kind: null,
          conversion_item_id: null,
          converted_by_user_id: null,
          converted_at: null,
          created_at: at(note.at),
          updated_at: note.group === undefined ? at(note.at) : at(22),
        })),
      )
      .execute();
    await trx
      .insertInto("workshop_votes")
      .values(
        DOTS.map((dot) => {
          const target = targets.get(dot.on);
          if (!target) throw new Error(`No demo note or group "${dot.on}"`);
          return {
            meeting_id: meetingId,
            user_id: people[dot.by].id,
            target_kind: target.kind,
            target_id: target.id,
            count: dot.count,
          };
        }),
      )
      .execute();
  });
}
