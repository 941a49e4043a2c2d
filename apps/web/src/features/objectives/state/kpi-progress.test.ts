import { describe, expect, it } from "vitest";
import { kpiProgress } from "./kpi-progress";

describe("kpiProgress", () => {
  it("has no data without measurements", () => {
    expect(
      kpiProgress({ baseline: 10, target: 20, direction: "increase", values: [] }),
    ).toMatchObject({ latest: null, state: "no_data", ratio: 0 });
  });

  it("counts an increase from the baseline to the target", () => {
    const p = kpiProgress({ baseline: 10, target: 20, direction: "increase", values: [12, 15] });
    expect(p).toMatchObject({ latest: 15, start: 10, state: "progressing" });
    expect(p.ratio).toBeCloseTo(0.5);
  });

  it("counts a decrease the other way", () => {
    const p = kpiProgress({ baseline: 100, target: 60, direction: "decrease", values: [90] });
    expect(p.ratio).toBeCloseTo(0.25);
    expect(p.state).toBe("progressing");
    expect(
      kpiProgress({ baseline: 100, target: 60, direction: "decrease", values: [55] }).state,
    ).toBe("achieved");
    expect(
      kpiProgress({ baseline: 100, target: 60, direction: "decrease", values: [110] }),
    ).toMatchObject({ state: "regressing", ratio: 0 });
  });

  it("uses 0 (increase) or the first measurement (decrease) without a baseline", () => {
    expect(
      kpiProgress({ baseline: null, target: 200, direction: "increase", values: [50] }).ratio,
    ).toBeCloseTo(0.25);
    const p = kpiProgress({ baseline: null, target: 50, direction: "decrease", values: [100, 75] });
    expect(p.start).toBe(100);
    expect(p.ratio).toBeCloseTo(0.5);
  });

  it("caps at the target and says achieved", () => {
    expect(
      kpiProgress({ baseline: 0, target: 10, direction: "increase", values: [14] }),
    ).toMatchObject({ ratio: 1, state: "achieved" });
  });

  it("keeps a maintain KPI within 5% of its target", () => {
    expect(
      kpiProgress({ baseline: null, target: 95, direction: "maintain", values: [93] }).state,
    ).toBe("on_target");
    expect(
      kpiProgress({ baseline: null, target: 95, direction: "maintain", values: [80] }).state,
    ).toBe("off_target");
  });

  it("handles a target already met at the start", () => {
    expect(
      kpiProgress({ baseline: 10, target: 10, direction: "increase", values: [10] }).state,
    ).toBe("achieved");
    expect(
      kpiProgress({ baseline: 10, target: 10, direction: "increase", values: [9] }).state,
    ).toBe("regressing");
  });
});
