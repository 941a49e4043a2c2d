import { describe, expect, it } from "vitest";
import { compareDimensions, overallAverage } from "./health-results";

const dimensions = [
  { key: "trust", label: "Trust" },
  { key: "speed", label: "Speed" },
];

describe("health check results", () => {
  it("computes the perception gap only where both sides show", () => {
    const rows = compareDimensions(dimensions, [
      { organizationId: "a", respondents: 3, hidden: false, averages: { trust: 4.5, speed: 2 } },
      { organizationId: "b", respondents: 3, hidden: false, averages: { trust: 2, speed: 2.5 } },
    ]);
    expect(rows.map((r) => [r.key, r.gap, r.lowest])).toEqual([
      ["trust", 2.5, 2],
      ["speed", 0.5, 2],
    ]);
  });

  it("leaves hidden organizations out", () => {
    const results = [
      { organizationId: "a", respondents: 3, hidden: false, averages: { trust: 4, speed: 3 } },
      { organizationId: "b", respondents: 1, hidden: true },
    ];
    const rows = compareDimensions(dimensions, results);
    expect(rows[0]).toMatchObject({ gap: null, lowest: 4, averages: { a: 4, b: undefined } });
    expect(overallAverage(results)).toBe(3.5);
    expect(overallAverage([{ organizationId: "b", respondents: 0, hidden: true }])).toBeNull();
  });
});
