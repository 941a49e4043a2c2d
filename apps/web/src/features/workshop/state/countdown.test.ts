import { describe, expect, it } from "vitest";
import { clockOffset, countdownAt, formatCountdown } from "./countdown";

const at = (iso: string) => Date.parse(iso);

describe("clockOffset", () => {
  it("measures the server's clock against the middle of the request", () => {
    // Sent at 10:00:00.000 local, answered at 10:00:00.200 local; the server said 10:00:05.100.
    expect(
      clockOffset(
        "2026-05-01T10:00:05.100Z",
        at("2026-05-01T10:00:00.000Z"),
        at("2026-05-01T10:00:00.200Z"),
      ),
    ).toBe(5_000);
  });

  it("is 0 for an unreadable server time", () => {
    expect(clockOffset("not a date", 0, 10)).toBe(0);
  });
});

describe("countdownAt", () => {
  const running = {
    status: "running",
    endsAt: "2026-05-01T10:05:00.000Z",
    durationMs: 300_000,
  } as const;

  it("counts down to endsAt on the server's clock, not the local one", () => {
    // The local clock is 2 s behind the server: at 10:00:58 local it is 10:01:00 there.
    const countdown = countdownAt(running, 2_000, at("2026-05-01T10:00:58.000Z"));
    expect(countdown).toEqual({ state: "running", remainingMs: 240_000, durationMs: 300_000 });
  });

  it("two clients with different clocks show the same time once corrected", () => {
    const serverTime = at("2026-05-01T10:02:30.000Z");
    const fast = countdownAt(running, -7_000, serverTime + 7_000);
    const slow = countdownAt(running, 3_000, serverTime - 3_000);
    expect(fast.remainingMs).toBe(slow.remainingMs);
    expect(formatCountdown(fast.remainingMs)).toBe("2:30");
  });

  it("is expired once endsAt has passed", () => {
    expect(countdownAt(running, 0, at("2026-05-01T10:05:00.001Z")).state).toBe("expired");
    expect(countdownAt(running, 0, at("2026-05-01T10:07:00.000Z")).remainingMs).toBe(0);
  });

  it("holds still while paused, whatever the clock", () => {
    const paused = { status: "paused", remainingMs: 61_000, durationMs: 300_000 } as const;
    expect(countdownAt(paused, 0, 0)).toEqual(countdownAt(paused, 99_999, 1e12));
    expect(countdownAt(paused, 0, 0).state).toBe("paused");
  });

  it("is idle before the facilitator starts it", () => {
    expect(countdownAt({ status: "idle" }, 0, 0).state).toBe("idle");
  });
});

describe("formatCountdown", () => {
  it("rounds up to the second and pads", () => {
    expect(formatCountdown(300_000)).toBe("5:00");
    expect(formatCountdown(59_001)).toBe("1:00");
    expect(formatCountdown(9_000)).toBe("0:09");
    expect(formatCountdown(1)).toBe("0:01");
    expect(formatCountdown(0)).toBe("0:00");
    expect(formatCountdown(3_725_000)).toBe("1:02:05");
  });
});
