/** How serious a risk, issue or constraint is. Shared by the issues log and the profile. */
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** A calendar date, `YYYY-MM-DD` (due dates, measurement dates, periods). */
export type IsoDate = string;

/** An instant, as `Date.prototype.toISOString()` writes it (creation and change times). */
export type IsoDateTime = string;

/** Length limits the writers enforce; forms can use them as `maxLength`. */
export const FIELD_LIMITS = {
  /** Titles of objectives, actions, issues, decisions; names of KPIs. */
  title: 200,
  /** Units of KPIs and contributions ("EUR", "FTE", "%"). */
  unit: 32,
  /** Descriptions, contexts, statements, notes. */
  text: 20_000,
} as const;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a value is a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Whether a value is an ISO 8601 instant with a time zone, as `toISOString()` writes it. */
export function isIsoDateTime(value: unknown): value is IsoDateTime {
  return (
    typeof value === "string" && DATE_TIME_PATTERN.test(value) && !Number.isNaN(Date.parse(value))
  );
}

/** Whether a value is a finite number (no `NaN`, no infinities). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Whether a value is one of an `as const` list of strings; narrows to its union. */
export function isOneOf<const T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

/**
 * What every item carries about its origin: who created it, for which organization, when.
 * `organizationId` is the organization that contributed or owns the item (PRODUCT.md's
 * "ours / theirs" lens). Written by the creating client, so display-grade only: the server's
 * stamp on each stored update is the authority on who wrote what.
 */
export interface Stamped {
  createdBy: string;
  organizationId: string;
  createdAt: IsoDateTime;
}

/** The keys of {@link Stamped}: who, for which organization, when. */
export const STAMP_KEYS = [
  "createdBy",
  "organizationId",
  "createdAt",
] as const satisfies readonly (keyof Stamped)[];
