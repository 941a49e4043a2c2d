import { describe, expect, it } from "vitest";
import { ENTRY_LAYOUTS, TEXT_KEYS } from "./layout.js";

describe("the layout derived from the collection descriptions", () => {
  it("keeps every rich text field as a Y.Text, and nothing else", () => {
    expect([...TEXT_KEYS].sort()).toEqual(["context", "description", "statement"]);
  });

  it("nests an objective's actions and KPIs, and a KPI's measurements", () => {
    expect(ENTRY_LAYOUTS.objectives).toEqual({
      objectives: { actions: {}, kpis: { measurements: {} } },
    });
    expect(ENTRY_LAYOUTS.profile).toEqual({ contributions: {}, constraints: {}, ambitions: {} });
    expect(ENTRY_LAYOUTS.charter).toBeUndefined();
  });
});
