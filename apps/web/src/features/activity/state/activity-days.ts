import type { ActivityEntry } from "@entente/protocol";
import { todayIso } from "../../../lib/dates";

/** The entries of one calendar day (the user's time zone), in the server's order. */
export interface ActivityDay {
  /** `YYYY-MM-DD`. */
  day: string;
  entries: ActivityEntry[];
}

/**
 * Groups the server's entries (newest first, each one person's run of edits to one
 * document) under the local day of their last edit, keeping their order.
 */
export function groupByDay(entries: readonly ActivityEntry[]): ActivityDay[] {
  const days: ActivityDay[] = [];
  for (const entry of entries) {
    const day = todayIso(new Date(entry.to));
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}

/** How a day is headed: today, yesterday, or its date. */
export function relativeDay(day: string, now: Date = new Date()): "today" | "yesterday" | null {
  if (day === todayIso(now)) return "today";
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  return day === todayIso(yesterday) ? "yesterday" : null;
}

/** The server groups edits by 10-minute window (docs/API.md, "Activity"). */
const WINDOW_MS = 10 * 60_000;

const windowOf = (iso: string) => {
  const ms = Date.parse(iso);
  return ms - (ms % WINDOW_MS);
};

const sameRun = (a: ActivityEntry, b: ActivityEntry) =>
  a.document.name === b.document.name &&
  (a.user?.id ?? null) === (b.user?.id ?? null) &&
  (a.organization?.id ?? null) === (b.organization?.id ?? null);

/**
 * Appends an older page. The server merges one person's consecutive windows on a document
 * within a page only: an older entry whose last window is just before the first window of
 * an entry already shown continues it, and joins it instead of being listed twice.
 */
export function appendPage(
  entries: readonly ActivityEntry[],
  older: readonly ActivityEntry[],
): ActivityEntry[] {
  const merged = [...entries];
  for (const entry of older) {
    const index = merged.findIndex(
      (e) => sameRun(e, entry) && windowOf(entry.to) + WINDOW_MS === windowOf(e.from),
    );
    const newer = merged[index];
    if (newer) {
      merged[index] = { ...newer, from: entry.from, updates: newer.updates + entry.updates };
    } else {
      merged.push(entry);
    }
  }
  return merged;
}
