import { describe, expect, it } from "vitest";
import { msUntilStart } from "./meeting-start";

describe("msUntilStart", () => {
  const start = "2026-12-10T09:00:00.000Z";
  const at = Date.parse(start);

  it("counts down to the start, reaching zero at it and going negative after", () => {
    expect(msUntilStart(start, at - 60_000)).toBe(60_000);
    expect(msUntilStart(start, at)).toBe(0);
    expect(msUntilStart(start, at + 1)).toBe(-1);
  });

  it("reads offsets, so the same instant written in another zone is the same start", () => {
    expect(msUntilStart("2026-12-10T10:00:00+01:00", at - 1000)).toBe(1000);
  });

  it("treats an unreadable date as started", () => {
    expect(msUntilStart("next tuesday", at)).toBe(0);
  });
});
