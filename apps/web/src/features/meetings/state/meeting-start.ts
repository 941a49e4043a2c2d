/**
 * Milliseconds until a meeting starting at `startsAt` (ISO) starts, as of `now`; zero or less
 * once it has. An unreadable date counts as started: the server has the last word.
 */
export function msUntilStart(startsAt: string, now: number): number {
  const start = Date.parse(startsAt);
  return Number.isNaN(start) ? 0 : start - now;
}
