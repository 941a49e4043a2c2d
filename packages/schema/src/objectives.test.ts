import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addAction,
  addKpi,
  addMeasurement,
  addObjective,
  OBJECTIVES_ROOT,
  readObjectives,
  removeAction,
  removeKpi,
  removeObjective,
  setKpiTarget,
  updateAction,
  updateKpi,
  updateObjective,
} from "./objectives.js";
import { readValues } from "./read-result.js";
import { readSchemaVersion, SCHEMA_VERSION } from "./schema-version.js";
import { ana, ben, exchange, okValue, throughBinary, twoPeers } from "./test/peers.js";
import { SchemaWriteError } from "./writing.js";

const at = (iso: string) => ({ ...ana, at: new Date(iso) });

function seeded() {
  const doc = new Y.Doc();
  const objectiveId = addObjective(
    doc,
    {
      title: "Cold chain for regional producers",
      description: "Low-carbon logistics for 40 producers.",
      ownerOrganizationIds: ["northwind", "southpeak"],
      governanceLevel: "strategic",
      dueDate: "2026-12-31",
    },
    at("2026-01-05T09:00:00.000Z"),
  );
  const actionId = addAction(
    doc,
    objectiveId,
    { title: "Pilot route", ownerOrganizationId: "southpeak", assigneeUserId: "ben" },
    at("2026-01-06T09:00:00.000Z"),
  );
  const kpiId = addKpi(
    doc,
    objectiveId,
    { name: "Producers served", unit: "producers", baseline: 0, target: 40, direction: "increase" },
    at("2026-01-07T09:00:00.000Z"),
  );
  addMeasurement(doc, objectiveId, kpiId, { date: "2026-03-31", value: 12 }, ben);
  addMeasurement(doc, objectiveId, kpiId, { date: "2026-02-28", value: 5, note: "first" }, ana);
  return { doc, objectiveId, actionId, kpiId };
}

describe("objectives document", () => {
  it("round-trips objectives, actions, KPIs and measurements through Yjs binary", () => {
    const { doc, objectiveId, actionId, kpiId } = seeded();
    const [objective, ...rest] = readObjectives(throughBinary(doc));
    expect(rest).toEqual([]);
    const value = okValue(objective);
    expect(value).toMatchObject({
      id: objectiveId,
      title: "Cold chain for regional producers",
      description: "Low-carbon logistics for 40 producers.",
      ownerOrganizationIds: ["northwind", "southpeak"],
      governanceLevel: "strategic",
      status: "proposed",
      dueDate: "2026-12-31",
      createdBy: "ana",
      organizationId: "northwind",
      createdAt: "2026-01-05T09:00:00.000Z",
    });
    expect(value.actions).toEqual([
      {
        ok: true,
        value: {
          id: actionId,
          objectiveId,
          title: "Pilot route",
          ownerOrganizationId: "southpeak",
          assigneeUserId: "ben",
          dueDate: null,
          status: "todo",
          meetingId: null,
          createdBy: "ana",
          organizationId: "northwind",
          createdAt: "2026-01-06T09:00:00.000Z",
        },
      },
    ]);
    const kpi = okValue(value.kpis[0]);
    expect(kpi).toMatchObject({
      id: kpiId,
      name: "Producers served",
      unit: "producers",
      baseline: 0,
      target: 40,
      direction: "increase",
    });
    expect(readValues(kpi.measurements).map((m) => [m.date, m.value, m.note])).toEqual([
      ["2026-02-28", 5, "first"],
      ["2026-03-31", 12, null],
    ]);
    expect(readValues(kpi.measurements).map((m) => m.organizationId)).toEqual([
      "northwind",
      "southpeak",
    ]);
  });

  it("stamps the schema version on the first write", () => {
    const { doc } = seeded();
    expect(readSchemaVersion(throughBinary(doc))).toEqual({
      status: "current",
      version: SCHEMA_VERSION,
    });
  });

  it("updates only the given fields, clears with null, and removes", () => {
    const { doc, objectiveId, actionId, kpiId } = seeded();
    expect(
      updateObjective(doc, objectiveId, {
        status: "active",
        dueDate: null,
        ownerOrganizationIds: ["southpeak"],
        description: "Low-carbon logistics for 60 producers.",
      }),
    ).toBe(true);
    expect(updateAction(doc, objectiveId, actionId, { status: "done", assigneeUserId: null })).toBe(
      true,
    );
    expect(updateKpi(doc, objectiveId, kpiId, { unit: "farms", baseline: null })).toBe(true);
    const objective = okValue(readObjectives(throughBinary(doc))[0]);
    expect(objective).toMatchObject({
      title: "Cold chain for regional producers",
      status: "active",
      dueDate: null,
      ownerOrganizationIds: ["southpeak"],
      description: "Low-carbon logistics for 60 producers.",
    });
    expect(okValue(objective.actions[0])).toMatchObject({ status: "done", assigneeUserId: null });
    expect(okValue(objective.kpis[0])).toMatchObject({ unit: "farms", baseline: null, target: 40 });

    expect(removeAction(doc, objectiveId, actionId)).toBe(true);
    expect(removeKpi(doc, objectiveId, kpiId)).toBe(true);
    const after = okValue(readObjectives(doc)[0]);
    expect(after.actions).toEqual([]);
    expect(after.kpis).toEqual([]);
    expect(removeObjective(doc, objectiveId)).toBe(true);
    expect(readObjectives(doc)).toEqual([]);
    expect(removeObjective(doc, objectiveId)).toBe(false);
    expect(updateObjective(doc, objectiveId, { status: "active" })).toBe(false);
    expect(updateAction(doc, objectiveId, actionId, { status: "done" })).toBe(false);
  });

  it("keeps every target in the history, in order, with who changed it and when", () => {
    const { doc, objectiveId, kpiId } = seeded();
    setKpiTarget(doc, objectiveId, kpiId, 50, { ...ben, at: new Date("2026-04-01T10:00:00Z") });
    setKpiTarget(
      doc,
      objectiveId,
      kpiId,
      45,
      { ...ana, at: new Date("2026-05-01T10:00:00Z") },
      "Agreed at the steering committee",
    );
    const kpi = okValue(okValue(readObjectives(throughBinary(doc))[0]).kpis[0]);
    expect(kpi.target).toBe(45);
    expect(readValues(kpi.targetHistory)).toEqual([
      {
        target: 40,
        changedBy: "ana",
        organizationId: "northwind",
        changedAt: "2026-01-07T09:00:00.000Z",
        note: null,
      },
      {
        target: 50,
        changedBy: "ben",
        organizationId: "southpeak",
        changedAt: "2026-04-01T10:00:00.000Z",
        note: null,
      },
      {
        target: 45,
        changedBy: "ana",
        organizationId: "northwind",
        changedAt: "2026-05-01T10:00:00.000Z",
        note: "Agreed at the steering committee",
      },
    ]);
  });

  it("keeps both targets when two people change it at once, and agrees on the current one", () => {
    const [a, b] = twoPeers((doc) => {
      const objectiveId = addObjective(
        doc,
        { title: "O", ownerOrganizationIds: ["northwind"], governanceLevel: "tactical" },
        ana,
      );
      addKpi(doc, objectiveId, { name: "K", unit: "", target: 1, direction: "increase" }, ana);
    });
    const objective = okValue(readObjectives(a)[0]);
    const kpiId = okValue(objective.kpis[0]).id;
    setKpiTarget(a, objective.id, kpiId, 2, ana);
    setKpiTarget(b, objective.id, kpiId, 3, ben);
    exchange(a, b);
    const kpiA = okValue(okValue(readObjectives(a)[0]).kpis[0]);
    const kpiB = okValue(okValue(readObjectives(b)[0]).kpis[0]);
    expect(kpiA).toEqual(kpiB);
    expect(
      readValues(kpiA.targetHistory)
        .map((change) => change.target)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(kpiA.target).toBe(readValues(kpiA.targetHistory).at(-1)!.target);
  });

  it("merges concurrent edits of different fields of one objective, keeping both", () => {
    const [a, b] = twoPeers((doc) => {
      addObjective(
        doc,
        {
          title: "Shared depot",
          description: "One depot in Lyon.",
          ownerOrganizationIds: ["northwind"],
          governanceLevel: "tactical",
        },
        ana,
      );
    });
    const id = okValue(readObjectives(a)[0]).id;
    updateObjective(a, id, { title: "Shared depots", description: "One depot in Lyon, shared." });
    updateObjective(b, id, {
      status: "active",
      description: "First: one depot in Lyon.",
      ownerOrganizationIds: ["northwind", "southpeak"],
    });
    exchange(a, b);
    for (const doc of [a, b]) {
      expect(okValue(readObjectives(doc)[0])).toMatchObject({
        title: "Shared depots",
        status: "active",
        ownerOrganizationIds: ["northwind", "southpeak"],
        description: "First: one depot in Lyon, shared.",
      });
    }
  });

  it("keeps actions and KPIs added at once on two peers", () => {
    const [a, b] = twoPeers((doc) => {
      addObjective(
        doc,
        { title: "O", ownerOrganizationIds: ["northwind"], governanceLevel: "operational" },
        ana,
      );
    });
    const id = okValue(readObjectives(a)[0]).id;
    addAction(a, id, { title: "From Ana", ownerOrganizationId: "northwind" }, ana);
    addAction(b, id, { title: "From Ben", ownerOrganizationId: "southpeak" }, ben);
    addObjective(
      b,
      { title: "Another", ownerOrganizationIds: ["southpeak"], governanceLevel: "strategic" },
      ben,
    );
    exchange(a, b);
    expect(readObjectives(a)).toEqual(readObjectives(b));
    expect(readObjectives(a)).toHaveLength(2);
    const objective = readValues(readObjectives(a)).find((o) => o.id === id)!;
    const titles = readValues(objective.actions).map((action) => action.title);
    expect(titles.sort()).toEqual(["From Ana", "From Ben"]);
  });

  it("refuses bad input before writing anything", () => {
    const { doc, objectiveId, kpiId } = seeded();
    const before = Y.encodeStateVector(doc);
    const bad = [
      () =>
        addObjective(
          doc,
          { title: " ", ownerOrganizationIds: ["northwind"], governanceLevel: "strategic" },
          ana,
        ),
      () =>
        addObjective(
          doc,
          { title: "T", ownerOrganizationIds: [], governanceLevel: "strategic" },
          ana,
        ),
      () =>
        addObjective(
          doc,
          { title: "T", ownerOrganizationIds: ["n"], governanceLevel: "board" as never },
          ana,
        ),
      () =>
        addObjective(
          doc,
          {
            title: "T",
            ownerOrganizationIds: ["n"],
            governanceLevel: "strategic",
            dueDate: "2026-02-30",
          },
          ana,
        ),
      () => updateObjective(doc, objectiveId, { status: "done" as never }),
      () =>
        addKpi(
          doc,
          objectiveId,
          { name: "K", unit: "", target: NaN, direction: "up" as never },
          ana,
        ),
      () => setKpiTarget(doc, objectiveId, kpiId, Infinity, ana),
      () => addMeasurement(doc, objectiveId, kpiId, { date: "31/03/2026", value: 1 }, ana),
      () => addAction(doc, objectiveId, { title: "A", ownerOrganizationId: "a/b" }, ana),
      () =>
        addAction(
          doc,
          objectiveId,
          { title: "A", ownerOrganizationId: "n" },
          { ...ana, userId: "" },
        ),
    ];
    for (const write of bad) {
      expect(write).toThrow(SchemaWriteError);
      try {
        write();
      } catch (error) {
        expect((error as SchemaWriteError).code).toBe("invalid_input");
      }
    }
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it("reports a parent deleted meanwhile as not_found", () => {
    const { doc, objectiveId, kpiId } = seeded();
    removeObjective(doc, objectiveId);
    expect(() =>
      addAction(doc, objectiveId, { title: "A", ownerOrganizationId: "n" }, ana),
    ).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(() => setKpiTarget(doc, objectiveId, kpiId, 1, ana)).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    expect(() =>
      addMeasurement(doc, objectiveId, kpiId, { date: "2026-01-01", value: 1 }, ana),
    ).toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("shows malformed entries as such, at every depth, without throwing", () => {
    const { doc, objectiveId, kpiId } = seeded();
    const root = doc.getMap<unknown>(OBJECTIVES_ROOT);
    const objective = root.get(objectiveId) as Y.Map<unknown>;
    const kpi = (objective.get("kpis") as Y.Map<unknown>).get(kpiId) as Y.Map<unknown>;
    doc.transact(() => {
      root.set("not-a-map", 42);
      const broken = new Y.Map<unknown>();
      root.set("broken", broken);
      broken.set("title", 7);
      broken.set("status", "exploded");
      (objective.get("actions") as Y.Map<unknown>).set("bad-action", "nope");
      (kpi.get("targetHistory") as Y.Array<unknown>).push(["not an object"]);
      kpi.set("direction", "sideways");
    });
    const results = readObjectives(throughBinary(doc));
    const byId = new Map(results.map((r) => [r.ok ? r.value.id : r.id, r]));
    expect(byId.get("not-a-map")).toEqual({
      ok: false,
      id: "not-a-map",
      problem: "expected an item (a map), got 42",
      raw: 42,
    });
    const broken = byId.get("broken")!;
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.problem).toContain("title: expected a string, got 7");
      expect(broken.problem).toContain("status: expected one of proposed, active");
      expect(broken.problem).toContain("governanceLevel: expected one of");
      expect(broken.problem).toContain("createdBy: expected an id, got nothing");
      expect(broken.raw).toEqual({ title: 7, status: "exploded" });
    }
    const good = okValue(byId.get(objectiveId));
    expect(good.actions.find((a) => !a.ok)).toMatchObject({ ok: false, id: "bad-action" });
    expect(good.actions.filter((a) => a.ok)).toHaveLength(1);
    const badKpi = good.kpis[0]!;
    expect(badKpi).toMatchObject({ ok: false, id: kpiId });
    if (!badKpi.ok)
      expect(badKpi.problem).toContain(
        'direction: expected one of increase, decrease, maintain, got "sideways"',
      );

    // A broken entry can still be deleted, and repaired by an update.
    expect(removeObjective(doc, "not-a-map")).toBe(true);
    updateKpi(doc, objectiveId, kpiId, { direction: "decrease" });
    const repaired = okValue(okValue(readObjectives(doc).find((r) => r.ok)).kpis[0]);
    expect(repaired.target).toBe(40);
    expect(repaired.targetHistory.at(-1)).toMatchObject({ ok: false, id: "1" });
  });

  it("reads a KPI whose history has no well-formed target as malformed", () => {
    const { doc, objectiveId, kpiId } = seeded();
    const objective = doc.getMap<unknown>(OBJECTIVES_ROOT).get(objectiveId) as Y.Map<unknown>;
    const kpi = (objective.get("kpis") as Y.Map<unknown>).get(kpiId) as Y.Map<unknown>;
    (kpi.get("targetHistory") as Y.Array<unknown>).delete(0, 1);
    const result = okValue(readObjectives(doc)[0]).kpis[0]!;
    expect(result).toMatchObject({ ok: false, problem: "targetHistory: no well-formed target" });
  });

  it("reads a root of the wrong type as one broken entry", () => {
    const doc = new Y.Doc();
    doc.getArray(OBJECTIVES_ROOT).push([1]);
    expect(readObjectives(doc)).toEqual([
      { ok: false, id: OBJECTIVES_ROOT, problem: "objectives: expected a map", raw: null },
    ]);
  });

  it("links an action to the meeting it came out of, and reads older actions without it", () => {
    const { doc, objectiveId, actionId } = seeded();
    const linked = addAction(
      doc,
      objectiveId,
      { title: "Map the depots", ownerOrganizationId: "northwind", meetingId: "meeting1" },
      ana,
    );
    const actions = readValues(okValue(readObjectives(throughBinary(doc))[0]).actions);
    expect(actions.find((a) => a.id === linked)?.meetingId).toBe("meeting1");
    // Written without one: nothing stored, read as null.
    expect(actions.find((a) => a.id === actionId)?.meetingId).toBeNull();
    const raw = doc.getMap<Y.Map<Y.Map<Y.Map<unknown>>>>(OBJECTIVES_ROOT).get(objectiveId);
    expect(raw?.get("actions")?.get(actionId)?.has("meetingId")).toBe(false);
    expect(() =>
      addAction(doc, objectiveId, { title: "x", ownerOrganizationId: "n", meetingId: "a/b" }, ana),
    ).toThrow(SchemaWriteError);
    expect(updateAction(doc, objectiveId, linked, { meetingId: null })).toBe(true);
    const after = readValues(okValue(readObjectives(doc)[0]).actions);
    expect(after.find((a) => a.id === linked)?.meetingId).toBeNull();
  });
});
