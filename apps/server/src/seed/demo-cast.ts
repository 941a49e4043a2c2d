import type { Author } from "@entente/schema";

export const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

/** One demo member, as the seed needs them: who they are and the organization they sit for. */
export interface DemoPerson {
  id: string;
  name: string;
  organizationId: string;
}

/** Who is in the demo, and when it is seeded: every date of the story is relative to it. */
export interface DemoCast {
  partnershipId: string;
  northwind: string;
  southpeak: string;
  amara: DemoPerson;
  ben: DemoPerson;
  sofia: DemoPerson;
  lucas: DemoPerson;
  /** When the seed runs (ms since the epoch). */
  now: number;
}

/** The instant `days` days and `hours` hours before the seeding (a past event of the story). */
export function ago(cast: DemoCast, days: number, hours = 0): number {
  return cast.now - days * DAY_MS - hours * HOUR_MS;
}

/** `YYYY-MM-DD` (UTC), `days` from the seeding day (negative: before). */
export function isoDay(cast: DemoCast, days: number): string {
  return new Date(cast.now + days * DAY_MS).toISOString().slice(0, 10);
}

/** A person writing, `days` days before the seeding: the author stamp of the schema writers. */
export function by(person: DemoPerson, cast: DemoCast, days: number): Author {
  return {
    userId: person.id,
    organizationId: person.organizationId,
    at: new Date(ago(cast, days)),
  };
}
