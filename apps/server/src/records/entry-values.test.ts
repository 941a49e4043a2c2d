import {
  addAction,
  addAmbition,
  addConstraint,
  addContribution,
  addDecision,
  addIssue,
  addKpi,
  addMeasurement,
  addObjective,
  readDecisions,
  readIssues,
  readObjectives,
  readProfile,
  setKpiTarget,
  AMBITIONS_ROOT,
  CONSTRAINTS_ROOT,
  CONTRIBUTIONS_ROOT,
  DECISIONS_ROOT,
  ISSUES_ROOT,
  OBJECTIVES_ROOT,
  type Author,
} from "@entente/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { entryFromJson } from "./entry-values.js";

const north: Author = { userId: "user-north", organizationId: "org-north" };
const south: Author = { userId: "user-south", organizationId: "org-south" };

/** How a value is stored: which Yjs type (or plain value) sits at every place. */
function shape(value: unknown): unknown {
  if (value instanceof Y.Text) return { text: value.toJSON() };
  if (value instanceof Y.Array) return { array: value.toArray().map(shape) };
  if (value instanceof Y.Map) {
    const entries = [...(value as Y.Map<unknown>).entries()];
    return { map: Object.fromEntries(entries.map(([key, v]) => [key, shape(v)])) };
  }
  if (value !== null && typeof value === "object") return { plain: value };
  return value;
}

/** Every entry of `doc`'s roots rebuilt from its JSON into a new document, as a restore does. */
function rebuilt(doc: Y.Doc, roots: readonly string[]): Y.Doc {
  const copy = new Y.Doc();
  for (const root of roots) {
    const from = doc.getMap<unknown>(root);
    const to = copy.getMap<unknown>(root);
    for (const [id, entry] of from.entries()) {
      to.set(id, entryFromJson((entry as Y.Map<unknown>).toJSON() as Record<string, unknown>));
    }
  }
  return copy;
}

function expectSameStore(doc: Y.Doc, copy: Y.Doc, roots: readonly string[]): void {
  for (const root of roots) {
    expect(shape(copy.getMap(root))).toEqual(shape(doc.getMap(root)));
  }
}

describe("entryFromJson: an entry rebuilt from its JSON is stored as the schema wrote it", () => {
  it("objectives, with actions, KPIs, target changes (plain records in a list) and measurements", () => {
    const doc = new Y.Doc();
    const objectiveId = addObjective(
      doc,
      {
        title: "Cut empty kilometres",
        description: "Fewer empty trucks",
        ownerOrganizationIds: ["org-north", "org-south"],
        governanceLevel: "strategic",
      },
      north,
    );
    addAction(
      doc,
      objectiveId,
      { title: "Map the routes", ownerOrganizationId: "org-north" },
      north,
    );
    const kpiId = addKpi(
      doc,
      objectiveId,
      { name: "Load factor", unit: "%", target: 40, baseline: 31, direction: "increase" },
      north,
    );
    setKpiTarget(doc, objectiveId, kpiId, 55, south, "Full trucks", "proposal-1");
    addMeasurement(
      doc,
      objectiveId,
      kpiId,
      { date: "2026-02-28", value: 36.5, note: "Backhauls" },
      north,
    );

    const copy = rebuilt(doc, [OBJECTIVES_ROOT]);
    expectSameStore(doc, copy, [OBJECTIVES_ROOT]);
    expect(readObjectives(copy)).toEqual(readObjectives(doc));
    const [objective] = readObjectives(copy);
    const kpi = objective?.ok ? objective.value.kpis[0] : undefined;
    expect(kpi?.ok && kpi.value.target).toBe(55);
  });

  it("issues, decisions and a profile's lists", () => {
    const doc = new Y.Doc();
    addIssue(
      doc,
      {
        kind: "risk",
        title: "Cold chain gaps",
        description: "Two depots",
        ownerOrganizationId: "org-north",
        severity: "high",
      },
      north,
    );
    addDecision(
      doc,
      { title: "Share the depots", context: "Costs halve", governanceLevel: "tactical" },
      north,
    );
    addContribution(doc, { kind: "funding", description: "Pilot budget", unit: "EUR" }, north);
    addConstraint(
      doc,
      {
        kind: "budget",
        description: "Capped",
        severity: "medium",
        affectedObjectiveIds: ["objective-1"],
      },
      north,
    );
    addAmbition(doc, { statement: "Lead the region" }, north);
    const roots = [
      ISSUES_ROOT,
      DECISIONS_ROOT,
      CONTRIBUTIONS_ROOT,
      CONSTRAINTS_ROOT,
      AMBITIONS_ROOT,
    ];

    const copy = rebuilt(doc, roots);
    expectSameStore(doc, copy, roots);
    expect(readIssues(copy)).toEqual(readIssues(doc));
    expect(readDecisions(copy)).toEqual(readDecisions(doc));
    expect(readProfile(copy)).toEqual(readProfile(doc));
  });
});
