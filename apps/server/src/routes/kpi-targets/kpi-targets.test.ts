import { formatDocumentName } from "@entente/domain";
import {
  addKpi,
  addObjective,
  readObjectives,
  readValues,
  updateObjective,
  type Kpi,
} from "@entente/schema";
import { beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";
import { changeDocument, changeObservedDocument } from "../../test/document-writes.js";

function errorOf(code: string) {
  return { error: { code, message: expect.any(String) } };
}

describe("two-key KPI target routes", () => {
  const ctx = usePartnershipHarness();
  let objectivesDoc: string;
  /** A KPI of an objective both organizations own, created with target 40. */
  let sharedKpi: string;
  /** A KPI of an objective Northwind alone owns, created with target 10. */
  let northKpi: string;

  beforeEach(async () => {
    objectivesDoc = formatDocumentName({
      kind: "objectives",
      partnershipId: ctx.cast.partnershipId,
    });
    const creator = { userId: ctx.cast.north.editor.id, organizationId: ctx.cast.north.id };
    await changeDocument(
      ctx.harness.store,
      objectivesDoc,
      (doc) => {
        const shared = addObjective(
          doc,
          {
            title: "Cut empty kilometres",
            ownerOrganizationIds: [ctx.cast.north.id, ctx.cast.south.id],
            governanceLevel: "strategic",
          },
          creator,
        );
        sharedKpi = addKpi(
          doc,
          shared,
          { name: "Load factor", unit: "%", target: 40, direction: "increase" },
          creator,
        );
        const own = addObjective(
          doc,
          {
            title: "Train drivers",
            ownerOrganizationIds: [ctx.cast.north.id],
            governanceLevel: "tactical",
          },
          creator,
        );
        northKpi = addKpi(
          doc,
          own,
          { name: "Drivers trained", unit: "", target: 10, direction: "increase" },
          creator,
        );
      },
      creator,
    );
  });

  const base = () => `/api/partnerships/${ctx.cast.partnershipId}/kpis`;

  const propose = (user: TestUser | undefined, kpiId: string, body: unknown) =>
    ctx.harness.request("POST", `${base()}/${kpiId}/target-proposals`, {
      body,
      cookie: user?.cookie,
    });

  const act = (
    user: TestUser | undefined,
    kpiId: string,
    proposalId: string,
    action: "agree" | "withdraw",
    body: unknown = {},
  ) =>
    ctx.harness.request("POST", `${base()}/${kpiId}/target-proposals/${proposalId}/${action}`, {
      body,
      cookie: user?.cookie,
    });

  const targets = async (user: TestUser) => {
    const response = await ctx.harness.request("GET", `${base()}/targets`, { cookie: user.cookie });
    expect(response.status).toBe(200);
    return response.body.kpis;
  };

  /** The KPI as the stored Yjs document has it, which is what every client reads. */
  const storedKpi = async (kpiId: string): Promise<Kpi> => {
    const doc = await ctx.harness.services.documents.readDocument(objectivesDoc);
    try {
      const kpis = readValues(readObjectives(doc)).flatMap((o) => readValues(o.kpis));
      const kpi = kpis.find((k) => k.id === kpiId);
      if (!kpi) throw new Error(`KPI ${kpiId} not stored`);
      return kpi;
    } finally {
      doc.destroy();
    }
  };

  it("keeps the agreed target while a proposal waits, and applies it once every owner agreed", async () => {
    const proposed = await propose(ctx.cast.north.editor, sharedKpi, {
      target: 60,
      note: "New depot in Lyon",
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.applied).toBe(false);
    const proposalId = proposed.body.proposal.id as string;
    expect(proposed.body.proposal).toMatchObject({
      target: 60,
      note: "New depot in Lyon",
      status: "pending",
      proposedBy: { userId: ctx.cast.north.editor.id, organizationId: ctx.cast.north.id },
      requiredOrganizationIds: [ctx.cast.north.id, ctx.cast.south.id],
      agreements: [{ organizationId: ctx.cast.north.id, userId: ctx.cast.north.editor.id }],
      awaitingOrganizationIds: [ctx.cast.south.id],
    });

    // Meanwhile the KPI keeps its agreed target, for everyone, and shows the pending one.
    expect((await storedKpi(sharedKpi)).target).toBe(40);
    const waiting = (await targets(ctx.cast.south.viewer))[sharedKpi];
    expect(waiting).toMatchObject({
      agreedTarget: 40,
      pending: { id: proposalId, target: 60, awaitingOrganizationIds: [ctx.cast.south.id] },
    });
    expect(waiting.history).toHaveLength(1);

    const agreed = await act(ctx.cast.south.editor, sharedKpi, proposalId, "agree");
    expect(agreed.status).toBe(200);
    expect(agreed.body.applied).toBe(true);
    expect(agreed.body.proposal).toMatchObject({ status: "applied", awaitingOrganizationIds: [] });

    // The server appended it, stamped with the proposer, and names its record.
    const kpi = await storedKpi(sharedKpi);
    expect(kpi.target).toBe(60);
    const last = readValues(kpi.targetHistory).at(-1);
    expect(last).toMatchObject({
      target: 60,
      changedBy: ctx.cast.north.editor.id,
      organizationId: ctx.cast.north.id,
      note: "New depot in Lyon",
      proposalId,
    });

    const view = (await targets(ctx.cast.north.viewer))[sharedKpi];
    expect(view.agreedTarget).toBe(60);
    expect(view.pending).toBeNull();
    expect(view.history).toHaveLength(2);
    expect(view.history[0].proposal).toBeNull();
    expect(view.history[1].proposal).toMatchObject({
      id: proposalId,
      proposedBy: { userId: ctx.cast.north.editor.id, userName: "North Editor" },
      agreements: [
        { organizationId: ctx.cast.north.id, userName: "North Editor" },
        { organizationId: ctx.cast.south.id, userName: "South Editor" },
      ],
    });

    // Agreed once: agreeing again, or withdrawing, is a conflict.
    expect(await act(ctx.cast.south.admin, sharedKpi, proposalId, "agree")).toMatchObject({
      status: 409,
      body: errorOf("conflict"),
    });
    expect(await act(ctx.cast.north.admin, sharedKpi, proposalId, "withdraw")).toMatchObject({
      status: 409,
      body: errorOf("conflict"),
    });
  });

  it("makes earlier agreements stale when a new proposal replaces the one waiting", async () => {
    const first = await propose(ctx.cast.north.editor, sharedKpi, { target: 60 });
    const counter = await propose(ctx.cast.south.editor, sharedKpi, { target: 55 });
    expect(counter.status).toBe(201);
    expect(counter.body.proposal.awaitingOrganizationIds).toEqual([ctx.cast.north.id]);

    // Northwind's agreement was to 60; it does not carry over, and 60 cannot be agreed now.
    const late = await act(ctx.cast.south.admin, sharedKpi, first.body.proposal.id, "agree");
    expect(late).toMatchObject({ status: 409, body: errorOf("conflict") });
    expect((await storedKpi(sharedKpi)).target).toBe(40);
    const view = (await targets(ctx.cast.north.editor))[sharedKpi];
    expect(view.pending).toMatchObject({
      id: counter.body.proposal.id,
      target: 55,
      agreements: [{ organizationId: ctx.cast.south.id }],
    });

    const agreed = await act(ctx.cast.north.admin, sharedKpi, counter.body.proposal.id, "agree");
    expect(agreed.body.applied).toBe(true);
    expect((await storedKpi(sharedKpi)).target).toBe(55);
    const rows = await ctx.harness.store.db
      .selectFrom("kpi_target_proposals")
      .select(["target", "status"])
      .orderBy("created_at")
      .execute();
    expect(rows.map((r) => [Number(r.target), r.status])).toEqual([
      [60, "replaced"],
      [55, "applied"],
    ]);
  });

  it("lets an owner withdraw a waiting proposal; nobody can agree to it afterwards", async () => {
    const proposed = await propose(ctx.cast.north.editor, sharedKpi, { target: 70 });
    const id = proposed.body.proposal.id as string;
    const withdrawn = await act(ctx.cast.south.editor, sharedKpi, id, "withdraw");
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.proposal).toMatchObject({
      status: "withdrawn",
      withdrawnBy: { userId: ctx.cast.south.editor.id, organizationId: ctx.cast.south.id },
    });
    expect(await act(ctx.cast.south.admin, sharedKpi, id, "agree")).toMatchObject({ status: 409 });
    expect((await targets(ctx.cast.north.editor))[sharedKpi].pending).toBeNull();
    expect((await storedKpi(sharedKpi)).target).toBe(40);
  });

  it("applies a single owner's target at once, stamped by the server; other organizations may not", async () => {
    const direct = await propose(ctx.cast.north.editor, northKpi, { target: 12 });
    expect(direct.status).toBe(201);
    expect(direct.body.applied).toBe(true);
    expect(direct.body.proposal).toMatchObject({
      status: "applied",
      requiredOrganizationIds: [ctx.cast.north.id],
    });
    const last = readValues((await storedKpi(northKpi)).targetHistory).at(-1);
    expect(last).toMatchObject({
      target: 12,
      changedBy: ctx.cast.north.editor.id,
      organizationId: ctx.cast.north.id,
      proposalId: direct.body.proposal.id,
    });

    const partner = await propose(ctx.cast.south.admin, northKpi, { target: 99 });
    expect(partner).toMatchObject({ status: 403, body: errorOf("forbidden") });
    expect((await storedKpi(northKpi)).target).toBe(12);
  });

  it("refuses viewers, strangers, unknown KPIs and bodies that name who proposes", async () => {
    expect(await propose(ctx.cast.north.viewer, sharedKpi, { target: 1 })).toMatchObject({
      status: 403,
      body: errorOf("forbidden"),
    });
    expect(await propose(undefined, sharedKpi, { target: 1 })).toMatchObject({
      status: 401,
      body: errorOf("unauthorized"),
    });
    const stranger = await ctx.harness.signup("Stranger");
    expect(await propose(stranger, sharedKpi, { target: 1 })).toMatchObject({
      status: 404,
      body: errorOf("not_found"),
    });
    expect(await propose(ctx.cast.north.editor, "nope", { target: 1 })).toMatchObject({
      status: 404,
      body: errorOf("not_found"),
    });
    for (const body of [
      null,
      [],
      [{ target: 60 }],
      '"hello"',
      '{"target": ',
      "target=60",
      '{"target": 1e999}',
      { target: null },
      { target: [60] },
      { target: "60" },
      {},
      { target: 60, organizationId: ctx.cast.south.id },
      { target: 60, changedBy: ctx.cast.south.editor.id },
      { target: 60, note: "x".repeat(20_001) },
    ]) {
      const response = await propose(ctx.cast.north.editor, sharedKpi, body);
      expect(response.status).toBe(400);
      expect(["invalid_input", "invalid_json"]).toContain(response.body.error.code);
    }
    const proposed = await propose(ctx.cast.north.editor, sharedKpi, { target: 60 });
    const id = proposed.body.proposal.id as string;
    expect(await act(ctx.cast.south.viewer, sharedKpi, id, "agree")).toMatchObject({ status: 403 });
    expect(await act(ctx.cast.south.editor, sharedKpi, "unknown", "agree")).toMatchObject({
      status: 404,
    });
    expect(await act(ctx.cast.south.editor, northKpi, id, "agree")).toMatchObject({ status: 404 });
    expect(
      await act(ctx.cast.south.editor, sharedKpi, id, "agree", {
        organizationId: ctx.cast.north.id,
      }),
    ).toMatchObject({ status: 400, body: errorOf("invalid_input") });
    expect((await storedKpi(sharedKpi)).target).toBe(40);
    const rows = await ctx.harness.store.db
      .selectFrom("kpi_target_proposals")
      .select("id")
      .execute();
    expect(rows.map((r) => r.id)).toEqual([id]);
  });

  it("keeps one proposal waiting, and appends a target once, when people act at the same time", async () => {
    const made = await Promise.all([
      propose(ctx.cast.north.editor, sharedKpi, { target: 61 }),
      propose(ctx.cast.south.editor, sharedKpi, { target: 62 }),
      propose(ctx.cast.north.admin, sharedKpi, { target: 63 }),
    ]);
    expect(made.map((r) => r.status)).toEqual([201, 201, 201]);
    const pending = await ctx.harness.store.db
      .selectFrom("kpi_target_proposals")
      .select("id")
      .where("status", "=", "pending")
      .execute();
    expect(pending).toHaveLength(1);

    const waiting = (await targets(ctx.cast.north.viewer))[sharedKpi].pending;
    const awaited = waiting.awaitingOrganizationIds[0] as string;
    const agreers = awaited === ctx.cast.north.id ? ctx.cast.north : ctx.cast.south;
    const agreed = await Promise.all([
      act(agreers.editor, sharedKpi, waiting.id, "agree"),
      act(agreers.admin, sharedKpi, waiting.id, "agree"),
    ]);
    expect(agreed.filter((r) => r.status === 200 && r.body.applied)).toHaveLength(1);
    const kpi = await storedKpi(sharedKpi);
    expect(readValues(kpi.targetHistory).map((h) => h.target)).toEqual([40, waiting.target]);
  });

  it("does not let one side apply a waiting proposal by dropping the partner from the owners", async () => {
    const proposed = await propose(ctx.cast.north.editor, sharedKpi, { target: 60 });
    await changeDocument(ctx.harness.store, objectivesDoc, (doc) => {
      const objectives = readValues(readObjectives(doc));
      const objective = objectives.find((o) =>
        o.kpis.some((k) => k.ok && k.value.id === sharedKpi),
      );
      if (!objective) throw new Error("objective not found");
      updateObjective(doc, objective.id, { ownerOrganizationIds: [ctx.cast.north.id] });
    });
    const again = await act(ctx.cast.north.admin, sharedKpi, proposed.body.proposal.id, "agree");
    expect(again.status).toBe(200);
    expect(again.body.applied).toBe(false);
    expect(again.body.proposal.awaitingOrganizationIds).toEqual([ctx.cast.south.id]);
    expect((await storedKpi(sharedKpi)).target).toBe(40);
  });

  it("does not let one side change a target alone by dropping the partner from the owners first", async () => {
    // Northwind's edit, as a live room records it: Southpeak is no longer an owner.
    await changeObservedDocument(
      ctx.harness.store,
      ctx.harness.services.records,
      objectivesDoc,
      (doc) => {
        const objective = readValues(readObjectives(doc)).find((o) =>
          o.kpis.some((k) => k.ok && k.value.id === sharedKpi),
        );
        if (!objective) throw new Error("objective not found");
        updateObjective(doc, objective.id, { ownerOrganizationIds: [ctx.cast.north.id] });
      },
      { userId: ctx.cast.north.editor.id, organizationId: ctx.cast.north.id },
    );
    const proposed = await propose(ctx.cast.north.editor, sharedKpi, { target: 90 });
    expect(proposed.status).toBe(201);
    expect(proposed.body.applied).toBe(false);
    expect(proposed.body.proposal.awaitingOrganizationIds).toEqual([ctx.cast.south.id]);
    expect((await storedKpi(sharedKpi)).target).toBe(40);
  });
});
