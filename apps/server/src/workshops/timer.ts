import type { TimerCommand, WorkshopTimerView } from "@entente/protocol";

/**
 * The workshop's shared countdown as the server keeps it: never a ticking counter, only
 * when it ends (running) or what is left (paused), all from the server's clock. Clients
 * derive the seconds they show; reaching zero changes nothing here (a running timer whose
 * `endsAt` is past is simply over).
 */
export type TimerState =
  | { status: "idle" }
  | { status: "running"; endsAt: number; durationMs: number }
  | { status: "paused"; remainingMs: number; durationMs: number };

/** The new state, or why the command does not apply to the current one (a 409). */
export type TimerOutcome = { ok: true; state: TimerState } | { ok: false; problem: string };

/**
 * Applies a command at server time `now` (ms). Start restarts from any state. Pause keeps
 * what is left (0 once over); resume counts it down again from `now`. Extend adds to the
 * end while running (to `now` first when already over, so the extension is really
 * granted) and to what is left while paused; `durationMs`, the whole length clients draw
 * progress against, grows by as much as the end moved.
 */
export function applyTimerCommand(
  state: TimerState,
  command: TimerCommand,
  now: number,
): TimerOutcome {
  switch (command.action) {
    case "start": {
      const durationMs = command.durationSeconds * 1000;
      return { ok: true, state: { status: "running", endsAt: now + durationMs, durationMs } };
    }
    case "pause":
      if (state.status !== "running") return { ok: false, problem: "The timer is not running" };
      return {
        ok: true,
        state: {
          status: "paused",
          remainingMs: Math.max(0, state.endsAt - now),
          durationMs: state.durationMs,
        },
      };
    case "resume":
      if (state.status !== "paused") return { ok: false, problem: "The timer is not paused" };
      return {
        ok: true,
        state: {
          status: "running",
          endsAt: now + state.remainingMs,
          durationMs: state.durationMs,
        },
      };
    case "extend": {
      const extraMs = command.seconds * 1000;
      if (state.status === "running") {
        const from = Math.max(state.endsAt, now);
        const endsAt = from + extraMs;
        return {
          ok: true,
          state: {
            status: "running",
            endsAt,
            durationMs: state.durationMs + (endsAt - state.endsAt),
          },
        };
      }
      if (state.status === "paused") {
        return {
          ok: true,
          state: {
            status: "paused",
            remainingMs: state.remainingMs + extraMs,
            durationMs: state.durationMs + extraMs,
          },
        };
      }
      return { ok: false, problem: "The timer has not been started" };
    }
    case "reset":
      return { ok: true, state: { status: "idle" } };
  }
}

/** Milliseconds left at `now`: what a client shows, corrected to the server's clock. */
export function remainingMs(state: TimerState, now: number): number {
  switch (state.status) {
    case "idle":
      return 0;
    case "running":
      return Math.max(0, state.endsAt - now);
    case "paused":
      return state.remainingMs;
  }
}

/** The timer on the wire. */
export function timerView(state: TimerState): WorkshopTimerView {
  switch (state.status) {
    case "idle":
      return { status: "idle" };
    case "running":
      return {
        status: "running",
        endsAt: new Date(state.endsAt).toISOString(),
        durationMs: state.durationMs,
      };
    case "paused":
      return { status: "paused", remainingMs: state.remainingMs, durationMs: state.durationMs };
  }
}

/** The columns a timer is stored in (`workshops`). */
export interface TimerColumns {
  timer_status: TimerState["status"];
  timer_duration_ms: number | null;
  timer_ends_at: number | null;
  timer_remaining_ms: number | null;
}

/** Reads the stored columns; inconsistent ones read as idle. */
export function timerFromColumns(row: TimerColumns): TimerState {
  const durationMs = row.timer_duration_ms;
  if (row.timer_status === "running" && row.timer_ends_at !== null && durationMs !== null) {
    return { status: "running", endsAt: row.timer_ends_at, durationMs };
  }
  if (row.timer_status === "paused" && row.timer_remaining_ms !== null && durationMs !== null) {
    return { status: "paused", remainingMs: row.timer_remaining_ms, durationMs };
  }
  return { status: "idle" };
}

export function timerToColumns(state: TimerState): TimerColumns {
  return {
    timer_status: state.status,
    timer_duration_ms: state.status === "idle" ? null : state.durationMs,
    timer_ends_at: state.status === "running" ? state.endsAt : null,
    timer_remaining_ms: state.status === "paused" ? state.remainingMs : null,
  };
}
