import { describe, expect, it } from "vitest";
import { fromZonedInputs, knownTimeZones, toZonedInputs } from "./time-zones";

describe("meeting times read in the meeting's zone", () => {
  it("shows an instant as the wall clock of the zone", () => {
    expect(toZonedInputs("2026-07-01T10:00:00.000Z", "Europe/Paris")).toEqual({
      date: "2026-07-01",
      time: "12:00",
    });
    expect(toZonedInputs("2026-01-15T10:00:00.000Z", "Europe/Paris").time).toBe("11:00");
    expect(toZonedInputs("2026-01-01T03:30:00.000Z", "America/New_York")).toEqual({
      date: "2025-12-31",
      time: "22:30",
    });
  });

  it("turns the wall clock of a zone back into the instant, on both sides of a clock change", () => {
    expect(fromZonedInputs({ date: "2026-07-01", time: "12:00" }, "Europe/Paris")).toBe(
      "2026-07-01T10:00:00.000Z",
    );
    // Paris moves to summer time on 29 March 2026 at 02:00.
    expect(fromZonedInputs({ date: "2026-03-28", time: "09:00" }, "Europe/Paris")).toBe(
      "2026-03-28T08:00:00.000Z",
    );
    expect(fromZonedInputs({ date: "2026-03-30", time: "09:00" }, "Europe/Paris")).toBe(
      "2026-03-30T07:00:00.000Z",
    );
    expect(fromZonedInputs({ date: "2026-03-30", time: "09:00" }, "UTC")).toBe(
      "2026-03-30T09:00:00.000Z",
    );
  });

  it("round-trips every hour of a year in a zone with daylight saving", () => {
    for (let hour = 0; hour < 365 * 24; hour += 7) {
      const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000).toISOString();
      const inputs = toZonedInputs(instant, "America/New_York");
      const back = fromZonedInputs(inputs, "America/New_York");
      // The one ambiguous hour of the autumn change may resolve to either instant.
      expect(Math.abs(Date.parse(back ?? "") - Date.parse(instant)) % 3_600_000).toBe(0);
      expect(toZonedInputs(back ?? "", "America/New_York")).toEqual(inputs);
    }
  });

  it("answers null for incomplete inputs", () => {
    expect(fromZonedInputs({ date: "", time: "10:00" }, "UTC")).toBeNull();
    expect(fromZonedInputs({ date: "2026-07-01", time: "" }, "UTC")).toBeNull();
    expect(fromZonedInputs({ date: "01/07/2026", time: "10:00" }, "UTC")).toBeNull();
  });

  it("offers UTC first, then the browser's zone, without duplicates", () => {
    const zones = knownTimeZones("Europe/Paris");
    expect(zones.slice(0, 2)).toEqual(["UTC", "Europe/Paris"]);
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones).toContain("Asia/Tokyo");
  });
});
