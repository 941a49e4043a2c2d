import type { LocalDateTime } from "./meetings-state";

const pad = (n: number) => String(n).padStart(2, "0");

/** The zone the browser runs in (`Europe/Paris`); UTC when it cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The IANA zones this browser knows, for choosing a meeting's zone (UTC first). */
export function knownTimeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return [...new Set(["UTC", current, ...zones])];
}

/** The wall-clock parts of `instant` in `zone`. */
function wallClock(instant: number, zone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

/** How far `zone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const w = wallClock(instant, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - instant;
}

/** The date and time inputs showing `iso` as read in `zone`. */
export function toZonedInputs(iso: string | Date, zone: string): LocalDateTime {
  const w = wallClock(new Date(iso).getTime(), zone);
  return {
    date: `${w.year}-${pad(w.month)}-${pad(w.day)}`,
    time: `${pad(w.hour)}:${pad(w.minute)}`,
  };
}

/** The instant meant by a date and time read in `zone`; `null` if incomplete. */
export function fromZonedInputs({ date, time }: LocalDateTime, zone: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})/.exec(time);
  if (!day || !clock) return null;
  const wall = Date.UTC(
    Number(day[1]),
    Number(day[2]) - 1,
    Number(day[3]),
    Number(clock[1]),
    Number(clock[2]),
  );
  if (Number.isNaN(wall)) return null;
  // The offset at the guess, then at the result (a daylight-saving change between them).
  const first = wall - offsetAt(wall, zone);
  const instant = wall - offsetAt(first, zone);
  return new Date(instant).toISOString();
}
