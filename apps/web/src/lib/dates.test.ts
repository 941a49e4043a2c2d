import { describe, expect, it } from "vitest";
import { isOverdue, parseDay, todayIso } from "./dates";

describe("dates", () => {
  it("writes today as a local calendar date", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });

  it("is overdue only past the due date and when not done", () => {
    expect(isOverdue("2026-01-04", false, "2026-01-05")).toBe(true);
    expect(isOverdue("2026-01-05", false, "2026-01-05")).toBe(false);
    expect(isOverdue("2026-01-04", true, "2026-01-05")).toBe(false);
    expect(isOverdue(null, false, "2026-01-05")).toBe(false);
  });

  it("parses calendar dates locally", () => {
    expect(parseDay("2026-03-01")?.getDate()).toBe(1);
    expect(parseDay("nope")).toBeNull();
  });
});
