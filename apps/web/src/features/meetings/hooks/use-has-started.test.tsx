// @vitest-environment happy-dom
import { act, cleanup, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useHasStarted } from "./use-has-started";

// Testing Library unmounts after each test only where the test runner has globals.
afterEach(cleanup);
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-12-07T09:00:00.000Z"));
});
afterEach(() => vi.useRealTimers());

describe("useHasStarted", () => {
  it("turns true at the start while the page stays open", () => {
    const { result } = renderHook(() => useHasStarted("2026-12-07T09:30:00.000Z"));
    expect(result.current).toBe(false);
    act(() => {
      vi.advanceTimersByTime(29 * 60_000);
    });
    expect(result.current).toBe(false);
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(result.current).toBe(true);
  });

  it("is true at once for a meeting that already started", () => {
    const { result } = renderHook(() => useHasStarted("2026-12-07T08:00:00.000Z"));
    expect(result.current).toBe(true);
  });
});
