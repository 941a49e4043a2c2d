/**
 * The governance rhythm as stored (`governance_rhythms`): how often each level should meet,
 * read together with the partnership's meetings into where each level stands (rhythm.ts).
 */
import type { GovernanceLevel } from "@entente/domain";
import type { RhythmLevelView } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { MeetingRow } from "./meeting-types.js";
import { rhythmLevels } from "./rhythm.js";

/** Each level's rhythm and where it stands, given the partnership's meetings. */
export async function rhythmOf(
  db: Kysely<Database>,
  partnershipId: string,
  meetings: readonly MeetingRow[],
  now: number,
): Promise<RhythmLevelView[]> {
  const intervals = await db
    .selectFrom("governance_rhythms")
    .select(["level", "interval_days"])
    .where("partnership_id", "=", partnershipId)
    .execute();
  const partnership = await db
    .selectFrom("partnerships")
    .select("created_at")
    .where("id", "=", partnershipId)
    .executeTakeFirst();
  return rhythmLevels(
    new Map(intervals.map((row) => [row.level, row.interval_days])),
    meetings.map((row) => ({
      id: row.id,
      title: row.title,
      level: row.level,
      startsAt: row.starts_at,
    })),
    now,
    partnership?.created_at ?? now,
  );
}

/** Sets the rhythm of the levels given (null: no rhythm); the others keep theirs. */
export async function storeRhythm(
  db: Kysely<Database>,
  partnershipId: string,
  levels: readonly { level: GovernanceLevel; intervalDays: number | null }[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { level, intervalDays } of levels) {
      await trx
        .deleteFrom("governance_rhythms")
        .where("partnership_id", "=", partnershipId)
        .where("level", "=", level)
        .execute();
      if (intervalDays !== null) {
        await trx
          .insertInto("governance_rhythms")
          .values({ partnership_id: partnershipId, level, interval_days: intervalDays })
          .execute();
      }
    }
  });
}
