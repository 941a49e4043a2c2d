import type { WorkshopTimerView } from "@entente/protocol";

/**
 * The shared countdown, derived (never counted): every client computes what is left from the
 * server's `endsAt` (running) or `remainingMs` (paused) and its own clock corrected by the
 * offset measured when the workshop was fetched.
 */
export type CountdownState = "idle" | "running" | "paused" | "expired";

export interface Countdown {
  state: CountdownState;
  /** What is left, in ms (0 when idle or expired). */
  remainingMs: number;
  durationMs: number;
}

/**
 * How far the server's clock is ahead of this one, in ms: its `serverNow` against the
 * middle of the request that brought it (the answer was made somewhere in between).
 */
export function clockOffset(serverNow: string, sentAt: number, receivedAt: number): number {
  const server = Date.parse(serverNow);
  if (Number.isNaN(server)) return 0;
  return server - (sentAt + receivedAt) / 2;
}

/** The countdown at local time `now`, with the server's clock `offsetMs` ahead of ours. */
export function countdownAt(timer: WorkshopTimerView, offsetMs: number, now: number): Countdown {
  switch (timer.status) {
    case "idle":
      return { state: "idle", remainingMs: 0, durationMs: 0 };
    case "paused":
      return {
        state: timer.remainingMs > 0 ? "paused" : "expired",
        remainingMs: Math.max(0, timer.remainingMs),
        durationMs: timer.durationMs,
      };
    case "running": {
      const endsAt = Date.parse(timer.endsAt);
      const left = Number.isNaN(endsAt) ? 0 : endsAt - (now + offsetMs);
      return left > 0
        ? { state: "running", remainingMs: left, durationMs: timer.durationMs }
        : { state: "expired", remainingMs: 0, durationMs: timer.durationMs };
    }
  }
}

/** `m:ss` (or `h:mm:ss`), rounding up: "0:01" until the very end, "0:00" only when time is up. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
}
