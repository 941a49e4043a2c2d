import type { TimerCommand } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import {
  applyTimerCommand,
  remainingMs,
  timerFromColumns,
  timerToColumns,
  timerView,
  type TimerState,
} from "./timer.js";

const T0 = Date.parse("2026-11-26T14:00:00.000Z");

function run(state: TimerState, command: TimerCommand, now: number): TimerState {
  const outcome = applyTimerCommand(state, command, now);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.state;
}

describe("the workshop timer", () => {
  it("derives the end from the server's clock at start, and counts down from it", () => {
    const running = run({ status: "idle" }, { action: "start", durationSeconds: 300 }, T0);
    expect(running).toEqual({ status: "running", endsAt: T0 + 300_000, durationMs: 300_000 });
    expect(remainingMs(running, T0 + 60_000)).toBe(240_000);
    expect(timerView(running)).toEqual({
      status: "running",
      endsAt: "2026-11-26T14:05:00.000Z",
      durationMs: 300_000,
    });
  });

  it("keeps what is left on pause, and counts it down again from the moment of resume", () => {
    const running = run({ status: "idle" }, { action: "start", durationSeconds: 300 }, T0);
    const paused = run(running, { action: "pause" }, T0 + 100_000);
    expect(paused).toEqual({ status: "paused", remainingMs: 200_000, durationMs: 300_000 });
    // Time spent paused does not count.
    expect(remainingMs(paused, T0 + 900_000)).toBe(200_000);
    const resumed = run(paused, { action: "resume" }, T0 + 1_000_000);
    expect(resumed).toEqual({ status: "running", endsAt: T0 + 1_200_000, durationMs: 300_000 });
  });

  it("extends the end while running, and what is left while paused", () => {
    const running = run({ status: "idle" }, { action: "start", durationSeconds: 60 }, T0);
    expect(run(running, { action: "extend", seconds: 30 }, T0 + 10_000)).toEqual({
      status: "running",
      endsAt: T0 + 90_000,
      durationMs: 90_000,
    });
    const paused = run(running, { action: "pause" }, T0 + 20_000);
    expect(run(paused, { action: "extend", seconds: 120 }, T0 + 500_000)).toEqual({
      status: "paused",
      remainingMs: 160_000,
      durationMs: 180_000,
    });
  });

  it("stays running with its end in the past once over; an extension then counts from now", () => {
    const running = run({ status: "idle" }, { action: "start", durationSeconds: 60 }, T0);
    expect(remainingMs(running, T0 + 75_000)).toBe(0);
    expect(running.status).toBe("running");
    const extended = run(running, { action: "extend", seconds: 30 }, T0 + 75_000);
    expect(extended).toEqual({ status: "running", endsAt: T0 + 105_000, durationMs: 105_000 });
    expect(remainingMs(extended, T0 + 75_000)).toBe(30_000);
    expect(run(running, { action: "pause" }, T0 + 75_000)).toEqual({
      status: "paused",
      remainingMs: 0,
      durationMs: 60_000,
    });
  });

  it("restarts on start from any state, resets to idle, and refuses what does not apply", () => {
    const paused: TimerState = { status: "paused", remainingMs: 5_000, durationMs: 60_000 };
    expect(run(paused, { action: "start", durationSeconds: 10 }, T0)).toEqual({
      status: "running",
      endsAt: T0 + 10_000,
      durationMs: 10_000,
    });
    expect(run(paused, { action: "reset" }, T0)).toEqual({ status: "idle" });
    const idle: TimerState = { status: "idle" };
    for (const command of [
      { action: "pause" },
      { action: "resume" },
      { action: "extend", seconds: 10 },
    ] as const) {
      expect(applyTimerCommand(idle, command, T0).ok).toBe(false);
    }
    expect(applyTimerCommand(paused, { action: "pause" }, T0).ok).toBe(false);
    const running = run(idle, { action: "start", durationSeconds: 10 }, T0);
    expect(applyTimerCommand(running, { action: "resume" }, T0).ok).toBe(false);
  });

  it("round-trips through its stored columns; inconsistent columns read as idle", () => {
    const states: TimerState[] = [
      { status: "idle" },
      { status: "running", endsAt: T0, durationMs: 1000 },
      { status: "paused", remainingMs: 500, durationMs: 1000 },
    ];
    for (const state of states) expect(timerFromColumns(timerToColumns(state))).toEqual(state);
    expect(
      timerFromColumns({
        timer_status: "running",
        timer_duration_ms: 1000,
        timer_ends_at: null,
        timer_remaining_ms: null,
      }),
    ).toEqual({ status: "idle" });
  });
});
