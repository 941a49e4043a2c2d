import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/** Two instances numbering versions at once: the loser reads again, this many times. */
const NUMBER_ATTEMPTS = 5;

/** When the charter was first seen at another version than before. */
export interface CharterSighting {
  version: string;
  seenAt: number;
}

/**
 * The charter's versions as people name them: 1, 2, 3… per partnership, each distinct
 * content version numbered the first time the server records it (at an endorsement or a
 * status read), and the moments the charter was seen to move to another version (which is
 * when an endorsement stopped being current).
 */
export class CharterVersions {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Records that the charter is at `version` now: numbers it if it is new, and notes a
   * sighting if the last one was of another version. Returns its number.
   */
  async record(partnershipId: string, version: string, now: number): Promise<number> {
    const number = await this.number(partnershipId, version, now);
    const last = await this.db
      .selectFrom("charter_version_sightings")
      .select("version")
      .where("partnership_id", "=", partnershipId)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    if (last?.version !== version) {
      await this.db
        .insertInto("charter_version_sightings")
        .values({ partnership_id: partnershipId, version, seen_at: now })
        .execute();
    }
    return number;
  }

  /** The number of `version`, given it now if it has none (without a sighting). */
  async number(partnershipId: string, version: string, now: number): Promise<number> {
    for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
      const known = await this.db
        .selectFrom("charter_versions")
        .select("number")
        .where("partnership_id", "=", partnershipId)
        .where("version", "=", version)
        .executeTakeFirst();
      if (known) return Number(known.number);
      const highest = await this.db
        .selectFrom("charter_versions")
        .select((eb) => eb.fn.max("number").as("number"))
        .where("partnership_id", "=", partnershipId)
        .executeTakeFirst();
      // Both the version and its number are unique: of two instances, one lands.
      await this.db
        .insertInto("charter_versions")
        .values({
          partnership_id: partnershipId,
          version,
          number: Number(highest?.number ?? 0) + 1,
          first_seen_at: now,
        })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
    throw new Error("Could not number the charter version");
  }

  /** The number of every version recorded for the partnership. */
  async numbers(partnershipId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("charter_versions")
      .select(["version", "number"])
      .where("partnership_id", "=", partnershipId)
      .execute();
    return new Map(rows.map((row) => [row.version, Number(row.number)]));
  }

  /** Every sighting, oldest first. */
  async sightings(partnershipId: string): Promise<CharterSighting[]> {
    const rows = await this.db
      .selectFrom("charter_version_sightings")
      .select(["version", "seen_at"])
      .where("partnership_id", "=", partnershipId)
      .orderBy("id")
      .execute();
    return rows.map((row) => ({ version: row.version, seenAt: Number(row.seen_at) }));
  }
}
