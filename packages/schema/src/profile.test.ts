import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addAmbition,
  addConstraint,
  addContribution,
  CONSTRAINTS_ROOT,
  CONTRIBUTIONS_ROOT,
  readProfile,
  removeAmbition,
  removeConstraint,
  removeContribution,
  updateAmbition,
  updateConstraint,
  updateContribution,
} from "./profile.js";
import { readValues } from "./read-result.js";
import { ana, exchange, okValue, throughBinary, twoPeers } from "./test/peers.js";
import { SchemaWriteError } from "./writing.js";

const amara = { userId: "amara", organizationId: "northwind" };

function seeded() {
  const doc = new Y.Doc();
  const contributionId = addContribution(
    doc,
    {
      kind: "funding",
      description: "Co-financing of the pilot.",
      unit: "EUR",
      promisedAmount: 250_000,
      deliveredAmount: 100_000,
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
    },
    { ...ana, at: new Date("2026-01-02T00:00:00Z") },
  );
  const constraintId = addConstraint(
    doc,
    {
      kind: "confidentiality",
      description: "Customer lists cannot leave our systems.",
      severity: "high",
      affectedObjectiveIds: ["obj1", "obj2"],
    },
    { ...ana, at: new Date("2026-01-03T00:00:00Z") },
  );
  const ambitionId = addAmbition(
    doc,
    { statement: "Become the reference for low-carbon cold chain in the region." },
    { ...amara, at: new Date("2026-01-04T00:00:00Z") },
  );
  return { doc, contributionId, constraintId, ambitionId };
}

describe("organization profile document", () => {
  it("round-trips contributions, constraints and ambitions through Yjs binary", () => {
    const { doc, contributionId, constraintId, ambitionId } = seeded();
    const stamp = (at: string, createdBy = "ana") => ({
      createdBy,
      organizationId: "northwind",
      createdAt: at,
    });
    expect(readProfile(throughBinary(doc))).toEqual({
      contributions: [
        {
          ok: true,
          value: {
            id: contributionId,
            kind: "funding",
            description: "Co-financing of the pilot.",
            unit: "EUR",
            promisedAmount: 250_000,
            deliveredAmount: 100_000,
            periodStart: "2026-01-01",
            periodEnd: "2026-12-31",
            ...stamp("2026-01-02T00:00:00.000Z"),
          },
        },
      ],
      constraints: [
        {
          ok: true,
          value: {
            id: constraintId,
            kind: "confidentiality",
            description: "Customer lists cannot leave our systems.",
            severity: "high",
            affectedObjectiveIds: ["obj1", "obj2"],
            ...stamp("2026-01-03T00:00:00.000Z"),
          },
        },
      ],
      ambitions: [
        {
          ok: true,
          value: {
            id: ambitionId,
            statement: "Become the reference for low-carbon cold chain in the region.",
            ...stamp("2026-01-04T00:00:00.000Z", "amara"),
          },
        },
      ],
    });
  });

  it("updates and removes each kind", () => {
    const { doc, contributionId, constraintId, ambitionId } = seeded();
    updateContribution(doc, contributionId, { deliveredAmount: 250_000, periodEnd: null });
    updateConstraint(doc, constraintId, { severity: "medium", affectedObjectiveIds: ["obj2"] });
    updateAmbition(doc, ambitionId, { statement: "Lead low-carbon cold chain in the region." });
    const profile = readProfile(throughBinary(doc));
    expect(okValue(profile.contributions[0])).toMatchObject({
      deliveredAmount: 250_000,
      periodEnd: null,
      periodStart: "2026-01-01",
    });
    expect(okValue(profile.constraints[0])).toMatchObject({
      severity: "medium",
      affectedObjectiveIds: ["obj2"],
    });
    expect(okValue(profile.ambitions[0]).statement).toBe(
      "Lead low-carbon cold chain in the region.",
    );
    expect(removeContribution(doc, contributionId)).toBe(true);
    expect(removeConstraint(doc, constraintId)).toBe(true);
    expect(removeAmbition(doc, ambitionId)).toBe(true);
    expect(readProfile(doc)).toEqual({ contributions: [], constraints: [], ambitions: [] });
  });

  it("merges concurrent edits: amounts on one side, affected objectives on both", () => {
    const [a, b] = twoPeers((doc) => {
      addContribution(doc, { kind: "people", unit: "FTE", promisedAmount: 3 }, ana);
      addConstraint(doc, { kind: "capacity", severity: "low", affectedObjectiveIds: ["o1"] }, ana);
    });
    const contributionId = okValue(readProfile(a).contributions[0]).id;
    const constraintId = okValue(readProfile(a).constraints[0]).id;
    updateContribution(a, contributionId, { deliveredAmount: 2 });
    updateContribution(b, contributionId, { description: "Two engineers, one analyst." });
    updateConstraint(a, constraintId, { affectedObjectiveIds: ["o1", "o2"] });
    updateConstraint(b, constraintId, { affectedObjectiveIds: ["o1", "o3"], severity: "high" });
    exchange(a, b);
    for (const doc of [a, b]) {
      const profile = readProfile(doc);
      expect(okValue(profile.contributions[0])).toMatchObject({
        promisedAmount: 3,
        deliveredAmount: 2,
        description: "Two engineers, one analyst.",
      });
      expect(okValue(profile.constraints[0])).toMatchObject({
        severity: "high",
        affectedObjectiveIds: ["o1", "o2", "o3"],
      });
    }
  });

  it("shows malformed entries as such", () => {
    const { doc, contributionId, constraintId } = seeded();
    doc.transact(() => {
      const contribution = doc.getMap<unknown>(CONTRIBUTIONS_ROOT).get(contributionId);
      (contribution as Y.Map<unknown>).set("promisedAmount", "a lot");
      (contribution as Y.Map<unknown>).set("kind", "goodwill");
      const constraint = doc.getMap<unknown>(CONSTRAINTS_ROOT).get(constraintId);
      (constraint as Y.Map<unknown>).set("affectedObjectives", ["obj1"]);
      doc.getMap<unknown>(CONSTRAINTS_ROOT).set("null", null);
    });
    const profile = readProfile(throughBinary(doc));
    expect(profile.contributions[0]).toMatchObject({
      ok: false,
      id: contributionId,
      problem:
        'kind: expected one of funding, people, technology, expertise, network, data, other, got "goodwill"; promisedAmount: expected a number, got "a lot"',
    });
    expect(profile.constraints.map((c) => (c.ok ? "ok" : c.problem))).toEqual([
      "expected an item (a map), got null",
      "affectedObjectives: expected a set (map of ids), got a list",
    ]);
    expect(readValues(profile.ambitions)).toHaveLength(1);
  });

  it("refuses a period that ends before it starts, and negative amounts", () => {
    const doc = new Y.Doc();
    expect(() =>
      addContribution(
        doc,
        { kind: "data", periodStart: "2026-05-01", periodEnd: "2026-04-01" },
        ana,
      ),
    ).toThrow(SchemaWriteError);
    expect(() => addContribution(doc, { kind: "funding", promisedAmount: -1 }, ana)).toThrow(
      SchemaWriteError,
    );
    expect(() => addAmbition(doc, { statement: "  " }, ana)).toThrow(SchemaWriteError);
  });
});
