import { describe, expect, it } from "vitest";
import { inLens } from "../../partnerships";
import { healthTrend } from "./health-trend";

const N = "org-north";
const S = "org-south";

describe("healthTrend", () => {
  it("gives each organization's mean per closed cycle, oldest first; hidden results are null", () => {
    const points = healthTrend(
      [
        {
          healthCheck: { id: "h3", title: "Q3", status: "open" },
          results: [{ organizationId: N, respondents: 1, hidden: true }],
        },
        {
          healthCheck: { id: "h2", title: "Q2", status: "closed" },
          results: [
            {
              organizationId: N,
              respondents: 4,
              hidden: false,
              averages: { trust: 4, respect: 3 },
            },
            { organizationId: S, respondents: 2, hidden: true },
          ],
        },
        {
          healthCheck: { id: "h1", title: "Q1", status: "closed" },
          results: [
            {
              organizationId: N,
              respondents: 3,
              hidden: false,
              averages: { trust: 3, respect: 2 },
            },
            {
              organizationId: S,
              respondents: 3,
              hidden: false,
              averages: { trust: 4, respect: 4.5 },
            },
          ],
        },
      ],
      [N, S],
      () => true,
    );
    expect(points).toEqual([
      { healthCheckId: "h1", label: "Q1", scores: { [N]: 2.5, [S]: 4.25 } },
      { healthCheckId: "h2", label: "Q2", scores: { [N]: 3.5, [S]: null } },
    ]);
  });

  it("keeps the lens's organizations only", () => {
    const [point] = healthTrend(
      [
        {
          healthCheck: { id: "h1", title: "Q1", status: "closed" },
          results: [{ organizationId: S, respondents: 3, hidden: false, averages: { trust: 2 } }],
        },
      ],
      [N, S],
      (ids) => inLens("theirs", N, typeof ids === "string" ? [ids] : ids),
    );
    expect(point?.scores).toEqual({ [S]: 2 });
  });
});
