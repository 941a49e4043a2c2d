import { describe, expect, it } from "vitest";
import { isFiniteNumber, isIsoDate, isIsoDateTime, isOneOf, SEVERITIES } from "./fields.js";
import { isItemId, isRefId, newItemId } from "./ids.js";

describe("field validators", () => {
  it.each(["2026-01-31", "2028-02-29"])("accepts the date %s", (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each(["2026-02-29", "2026-13-01", "2026-1-1", "31/01/2026", "2026-01-31T00:00:00Z", 20260131])(
    "refuses the date %j",
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );

  it("accepts instants with a zone only", () => {
    expect(isIsoDateTime(new Date(0).toISOString())).toBe(true);
    expect(isIsoDateTime("2026-01-01T10:00:00+02:00")).toBe(true);
    expect(isIsoDateTime("2026-01-01T10:00:00")).toBe(false);
    expect(isIsoDateTime("2026-01-01")).toBe(false);
  });

  it("checks numbers and enums", () => {
    expect(isFiniteNumber(0)).toBe(true);
    expect(isFiniteNumber(NaN)).toBe(false);
    expect(isFiniteNumber("1")).toBe(false);
    expect(isOneOf(SEVERITIES, "high")).toBe(true);
    expect(isOneOf(SEVERITIES, "HIGH")).toBe(false);
  });
});

describe("ids", () => {
  it("makes distinct url-safe ids", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newItemId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) {
      expect(isItemId(id)).toBe(true);
      expect(isRefId(id)).toBe(true);
    }
    expect(isRefId("a/b")).toBe(false);
    expect(isRefId("")).toBe(false);
  });
});
