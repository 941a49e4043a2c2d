/** Today as `YYYY-MM-DD` in the user's time zone (due dates are calendar dates). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether a due date has passed for something not done yet. */
export function isOverdue(dueDate: string | null, done: boolean, today: string): boolean {
  return dueDate !== null && !done && dueDate < today;
}

/** A `YYYY-MM-DD` calendar date as a local `Date` (not UTC midnight, which shifts a day west). */
export function parseDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number);
  if (y === undefined || m === undefined || d === undefined) return null;
  return new Date(y, m - 1, d);
}
