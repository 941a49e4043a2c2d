import type { Kpi } from "@entente/schema";
import { describe, expect, it } from "vitest";
import { pdfText } from "../test/pdf-text.js";
import { fromAcceptLanguage } from "./caller-language.js";
import { toWinAnsi } from "./win-ansi.js";
import type { ReviewData } from "./review-data.js";
import { renderReviewPdf } from "./review-pdf.js";

const stamp = { createdBy: "u1", organizationId: "o1", createdAt: "2026-01-01T00:00:00.000Z" };

function kpi(n: number): Kpi {
  return {
    ...stamp,
    id: `k${n}`,
    objectiveId: "ob1",
    name: `Indicator ${n}`,
    unit: "t",
    baseline: 0,
    target: 100,
    direction: "increase",
    targetHistory: [],
    measurements: [
      { ok: true, value: { ...stamp, id: `m${n}a`, date: "2026-02-01", value: 20, note: null } },
      {
        ok: true,
        value: { ...stamp, id: `m${n}b`, date: "2026-03-01", value: 45 + n, note: null },
      },
    ],
  };
}

function data(overrides: Partial<ReviewData> = {}): ReviewData {
  return {
    partnership: "Été × Hiver",
    organizations: ["Northwind", "Southpeak"],
    period: { from: "2026-01-01", to: "2026-03-31" },
    generatedAt: new Date("2026-04-01T08:00:00Z"),
    kpis: [],
    objectives: [],
    decisions: [],
    contributions: [],
    healthCheck: null,
    posts: [],
    nextActions: [],
    nextMeetings: [],
    ...overrides,
  };
}

describe("renderReviewPdf", () => {
  it("draws the health check's radar and prints each dimension's perception gap", async () => {
    const { text } = await pdfText(
      await renderReviewPdf(
        data({
          healthCheck: {
            title: "Q1 health check",
            dimensions: [
              { key: "trust", label: "Trust" },
              { key: "communication", label: "Communication" },
              { key: "respect", label: "Mutual respect" },
            ],
            averages: [
              { organization: "Northwind", values: { trust: 4.5, communication: 2, respect: 4 } },
              { organization: "Southpeak", values: { trust: 3, communication: 4, respect: 4 } },
            ],
          },
        }),
        "en",
      ),
    );
    expect(text).toContain("Q1 health check");
    expect(text).toMatch(/Trust Northwind 4\.5, Southpeak 3\.0, gap 1\.5/);
    expect(text).toMatch(/Communication Northwind 2\.0, Southpeak 4\.0, gap 2\.0/);
    expect(text).not.toContain("No health check in this period.");
  });

  it("says which organization is hidden for too few respondents", async () => {
    const { text } = await pdfText(
      await renderReviewPdf(
        data({
          healthCheck: {
            title: "Bilan T1",
            dimensions: [
              { key: "a", label: "Confiance" },
              { key: "b", label: "Respect" },
              { key: "c", label: "Valeur" },
            ],
            averages: [
              { organization: "Northwind", values: { a: 4, b: 4, c: 4 } },
              { organization: "Southpeak", values: null },
            ],
          },
        }),
        "fr",
      ),
    );
    expect(text).toContain("Southpeak masqué (trop peu de réponses)");
    expect(text).toContain("Été × Hiver");
  });

  it("stays within four pages however much there is, saying how much was left out", async () => {
    const many = <T>(n: number, make: (i: number) => T) =>
      Array.from({ length: n }, (_, i) => make(i));
    const bytes = await renderReviewPdf(
      data({
        kpis: many(9, (i) => ({ objective: "Grow", kpi: kpi(i), targetChanges: [] })),
        objectives: many(30, (i) => ({
          title: `Objective ${i}`,
          status: "active",
          actionsDone: 1,
          actionsTotal: 3,
        })),
        decisions: many(30, (i) => ({
          title: `Decision ${i}`,
          outcome: "approved" as const,
          decidedOn: "2026-02-01",
          governanceLevel: "strategic",
        })),
        contributions: many(30, (i) => ({
          organization: "Northwind",
          kind: "funding",
          description: `Grant ${i}`,
          unit: "EUR",
          promised: 100,
          delivered: 40,
        })),
        posts: many(30, (i) => ({
          tag: i % 2 ? ("success" as const) : ("difficulty" as const),
          title: `Post ${i}`,
          organization: "Southpeak",
          date: "2026-02-02",
        })),
        nextActions: many(30, (i) => ({
          title: `Action ${i}`,
          objective: "Grow",
          organization: "Northwind",
          dueDate: "2026-04-10",
          overdue: false,
        })),
      }),
      "en",
    );
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);
    expect(text).toContain("Indicator 5");
    expect(text).not.toContain("Indicator 6");
    expect(text).toContain("… and 3 more");
    expect(text).toContain("… and 18 more");
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });
});

describe("fromAcceptLanguage", () => {
  it.each([
    ["fr-CA,fr;q=0.9,en;q=0.8", "fr"],
    ["de-DE,en;q=0.5,fr;q=0.4", "en"],
    ["en;q=0.2,fr;q=0.9", "fr"],
    ["fr;q=0", null],
    ["de", null],
    [undefined, null],
  ])("reads %s as %s", (header, expected) => {
    expect(fromAcceptLanguage(header)).toBe(expected);
  });
});

describe("toWinAnsi", () => {
  it("keeps French and typographic marks, strips other accents, and marks the rest", () => {
    expect(toWinAnsi("Été « déjà » – “ok” … œ €")).toBe("Été « déjà » – “ok” … œ €");
    expect(toWinAnsi("Poznań Łódź → 東京")).toBe("Poznan ?ódz ? ??");
  });
});
