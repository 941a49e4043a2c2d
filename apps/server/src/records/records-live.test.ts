import { formatDocumentName } from "@entente/domain";
import {
  addAction,
  addIssue,
  addKpi,
  addMeasurement,
  addObjective,
  readObjectives,
  readValues,
  removeAction,
  removeKpi,
  removeObjective,
  updateAction,
  type Author,
  type ReadResult,
} from "@entente/schema";
import type * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { eventually, roundTrip } from "../test/live-server.js";
import { useLiveServer } from "../test/live-fixture.js";

/**
 * The records against the real server: stock y-websocket clients edit, the room tells the
 * records observer, and each side reads the history and the trash over HTTP.
 */
describe("entry records, live", () => {
  const ctx = useLiveServer();

  /** Polls an HTTP answer until `check` holds (the observer runs after the update is stored). */
  const until = async (check: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 5000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const actionsOf = (doc: Y.Doc, objectiveId: string) =>
    (doc.getMap("objectives").get(objectiveId) as Y.Map<unknown>).get("actions") as Y.Map<unknown>;

  it("Southpeak deletes Northwind's action: Northwind is told, both see the trash, Northwind restores it", async () => {
    const name = formatDocumentName({ kind: "objectives", partnershipId: ctx.cast.partnershipId });
    const north = ctx.live.connect(name, ctx.cast.north.cookie);
    await north.synced;
    const northBy = { userId: ctx.cast.north.id, organizationId: ctx.cast.northOrg };
    const objectiveId = addObjective(
      north.doc,
      {
        title: "Joint pilot",
        ownerOrganizationIds: [ctx.cast.northOrg],
        governanceLevel: "tactical",
      },
      northBy,
    );
    const actionId = addAction(
      north.doc,
      objectiveId,
      { title: "Ship the samples", ownerOrganizationId: ctx.cast.northOrg },
      northBy,
    );

    const south = ctx.live.connect(name, ctx.cast.south.cookie);
    await south.synced;
    await eventually(
      () => actionsOf(south.doc, objectiveId)?.has(actionId) === true,
      5000,
      "synced",
    );
    updateAction(south.doc, objectiveId, actionId, { status: "in_progress" });
    const history = async () =>
      (
        await ctx.live.api(
          "GET",
          `/api/partnerships/${ctx.cast.partnershipId}/history/objectives/${actionId}`,
          undefined,
          ctx.cast.northViewer.cookie,
        )
      ).body.changes as any[];
    await until(async () => (await history()).length === 2, "history");
    const [statusChange, created] = await history();
    expect(created).toMatchObject({
      kind: "created",
      userName: "Nora North",
      organizationName: "Northwind",
    });
    expect(statusChange).toMatchObject({
      kind: "updated",
      userId: ctx.cast.south.id,
      userName: "Sam South",
      organizationId: ctx.cast.southOrg,
      organizationName: "Southpeak",
      fields: [{ name: "status", before: "todo", after: "in_progress" }],
    });

    removeAction(south.doc, objectiveId, actionId);
    const trash = async (cookie: string) =>
      (
        await ctx.live.api(
          "GET",
          `/api/partnerships/${ctx.cast.partnershipId}/trash`,
          undefined,
          cookie,
        )
      ).body.entries as any[];
    await until(async () => (await trash(ctx.cast.north.cookie)).length === 1, "trash");
    const [kept] = await trash(ctx.cast.south.cookie);
    expect(kept).toMatchObject({
      documentKind: "objectives",
      entryId: actionId,
      title: "Ship the samples",
      ownerOrganizationId: ctx.cast.northOrg,
      deletedBy: {
        userId: ctx.cast.south.id,
        userName: "Sam South",
        organizationName: "Southpeak",
      },
    });
    const told = (
      await ctx.live.api("GET", "/api/notifications", undefined, ctx.cast.northViewer.cookie)
    ).body.notifications as any[];
    expect(told.map((n) => n.kind)).toContain("item_deleted");

    const restored = await ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/trash/${kept.id}/restore`,
      undefined,
      ctx.cast.north.cookie,
    );
    expect(restored.status).toBe(201);
    // Both clients see it back, live, under its own id.
    for (const client of [north, south]) {
      await eventually(
        () => actionsOf(client.doc, objectiveId).has(actionId),
        5000,
        "restored live",
      );
      const action = actionsOf(client.doc, objectiveId).get(actionId) as Y.Map<unknown>;
      expect(action.get("title")).toBe("Ship the samples");
      expect(action.get("status")).toBe("in_progress");
    }
    expect(await trash(ctx.cast.south.cookie)).toEqual([]);
    // The restoration is in the history as Northwind's own edit.
    await until(async () => (await history())[0]?.kind === "created", "restore recorded");
    expect((await history())[0]).toMatchObject({
      userId: ctx.cast.north.id,
      organizationName: "Northwind",
    });

    // The activity view names what was deleted and by whom, and the restoration, after the
    // edits each person made besides in the same run (Sam's status change, Nora's objective).
    const activity = (
      await ctx.live.api(
        "GET",
        `/api/partnerships/${ctx.cast.partnershipId}/activity`,
        undefined,
        ctx.cast.northViewer.cookie,
      )
    ).body.entries as any[];
    const runOf = (userId: string) => activity.find((e) => e.user?.id === userId);
    expect(runOf(ctx.cast.south.id)).toMatchObject({
      updates: 2,
      deleted: [{ title: "Ship the samples" }],
      summaryKey: "activity.edited.objectives",
      summary:
        "Southpeak · Sam South edited objectives and KPIs (2 edits), deleted “Ship the samples”",
    });
    expect(runOf(ctx.cast.north.id)).toMatchObject({
      restored: [{ title: "Ship the samples" }],
      summaryKey: "activity.edited.objectives",
      summary: expect.stringMatching(
        /^Northwind · Nora North edited objectives and KPIs \(\d+ edits\), restored “Ship the samples”$/,
      ),
    });
  });

  it("a KPI, or its objective, comes back from the trash with its target history and measurements, as every reader saw it", async () => {
    const name = formatDocumentName({ kind: "objectives", partnershipId: ctx.cast.partnershipId });
    const north = ctx.live.connect(name, ctx.cast.north.cookie);
    const south = ctx.live.connect(name, ctx.cast.south.cookie);
    await Promise.all([north.synced, south.synced]);
    const northBy: Author = { userId: ctx.cast.north.id, organizationId: ctx.cast.northOrg };
    const objectiveId = addObjective(
      north.doc,
      {
        title: "Cut empty kilometres",
        ownerOrganizationIds: [ctx.cast.northOrg, ctx.cast.southOrg],
        governanceLevel: "strategic",
      },
      northBy,
    );
    const kpiId = addKpi(
      north.doc,
      objectiveId,
      { name: "Load factor", unit: "%", target: 40, baseline: 31, direction: "increase" },
      northBy,
    );
    addMeasurement(north.doc, objectiveId, kpiId, { date: "2026-01-31", value: 33 }, northBy);
    addMeasurement(
      north.doc,
      objectiveId,
      kpiId,
      { date: "2026-02-28", value: 36.5, note: "Backhauls" },
      northBy,
    );
    await roundTrip(north);
    // A target change, as the server appends it once both owners agree.
    const proposals = `/api/partnerships/${ctx.cast.partnershipId}/kpis/${kpiId}/target-proposals`;
    const proposed = await ctx.live.api(
      "POST",
      proposals,
      { target: 55, note: "Full trucks" },
      ctx.cast.south.cookie,
    );
    expect(proposed.status).toBe(201);
    const agreed = await ctx.live.api(
      "POST",
      `${proposals}/${proposed.body.proposal.id as string}/agree`,
      {},
      ctx.cast.north.cookie,
    );
    expect(agreed.body.applied).toBe(true);
    // Read as the dashboard reads: well-formed or not, an entry is there.
    const withId = <T extends { id: string }>(results: ReadResult<T>[], id: string) =>
      results.find((result) => (result.ok ? result.value.id : result.id) === id);
    const objectiveIn = (doc: Y.Doc) => withId(readObjectives(doc), objectiveId);
    const kpiIn = (doc: Y.Doc) => {
      const objective = objectiveIn(doc);
      return objective?.ok ? withId(objective.value.kpis, kpiId) : undefined;
    };
    const targetOf = (doc: Y.Doc) => {
      const kpi = kpiIn(doc);
      return kpi?.ok ? kpi.value.target : undefined;
    };
    for (const client of [north, south]) {
      await eventually(() => targetOf(client.doc) === 55, 5000, "the agreed target");
    }

    // What each reader shows: the clients' dashboards (the schema's reader), the server's
    // KPI targets and the Markdown export.
    const kpi = kpiIn(north.doc);
    if (!kpi?.ok) throw new Error("the KPI reads as malformed");
    expect(readValues(kpi.value.targetHistory).map((t) => t.target)).toEqual([40, 55]);
    expect(readValues(kpi.value.measurements).map((m) => m.value)).toEqual([33, 36.5]);
    const objective = objectiveIn(north.doc);
    const targets = async () =>
      (
        await ctx.live.api(
          "GET",
          `/api/partnerships/${ctx.cast.partnershipId}/kpis/targets`,
          undefined,
          ctx.cast.northViewer.cookie,
        )
      ).body;
    const kpiMarkdown = async () => {
      const markdown = await (
        await fetch(`${ctx.live.url}/api/partnerships/${ctx.cast.partnershipId}/export.md`, {
          headers: { cookie: ctx.cast.northViewer.cookie },
        })
      ).text();
      const start = markdown.indexOf("##### Load factor");
      return start < 0 ? "" : markdown.slice(start, markdown.indexOf("\n#", start));
    };
    const targetsBefore = await targets();
    expect(targetsBefore.kpis[kpiId].history).toHaveLength(2);
    const markdownBefore = await kpiMarkdown();
    expect(markdownBefore).toContain("- Current target: 55 %");
    expect(markdownBefore).toContain("2026-02-28: 36.5 %: Backhauls");

    const trash = async () =>
      (
        await ctx.live.api(
          "GET",
          `/api/partnerships/${ctx.cast.partnershipId}/trash`,
          undefined,
          ctx.cast.north.cookie,
        )
      ).body.entries as any[];
    /** Southpeak deletes it; Northwind restores it from the trash; both clients see it back. */
    const deleteAndRestore = async (remove: () => void, title: string) => {
      remove();
      await until(async () => (await trash()).some((e) => e.title === title), "the trash");
      const kept = (await trash()).find((e) => e.title === title);
      const restored = await ctx.live.api(
        "POST",
        `/api/partnerships/${ctx.cast.partnershipId}/trash/${kept.id as string}/restore`,
        undefined,
        ctx.cast.north.cookie,
      );
      expect(restored.status).toBe(201);
      for (const client of [north, south]) {
        await eventually(() => kpiIn(client.doc) !== undefined, 5000, "restored live");
      }
    };

    await deleteAndRestore(() => void removeKpi(south.doc, objectiveId, kpiId), "Load factor");
    for (const client of [north, south]) expect(kpiIn(client.doc)).toEqual(kpi);
    expect(await targets()).toEqual(targetsBefore);
    expect(await kpiMarkdown()).toBe(markdownBefore);

    await deleteAndRestore(
      () => void removeObjective(south.doc, objectiveId),
      "Cut empty kilometres",
    );
    for (const client of [north, south]) expect(objectiveIn(client.doc)).toEqual(objective);
    expect(await targets()).toEqual(targetsBefore);
    expect(await kpiMarkdown()).toBe(markdownBefore);

    // The restored history is the one the server appends the next agreed target to.
    const next = await ctx.live.api(
      "POST",
      proposals,
      { target: 60, note: "Shared depots" },
      ctx.cast.south.cookie,
    );
    await ctx.live.api(
      "POST",
      `${proposals}/${next.body.proposal.id as string}/agree`,
      {},
      ctx.cast.north.cookie,
    );
    await eventually(() => targetOf(south.doc) === 60, 5000, "the next target");
    const after = kpiIn(south.doc);
    expect(after?.ok && readValues(after.value.targetHistory).map((t) => t.target)).toEqual([
      40, 55, 60,
    ]);
  });

  it("a reference to a deleted objective shows its title as it was, marked as deleted, in the export", async () => {
    const objectives = formatDocumentName({
      kind: "objectives",
      partnershipId: ctx.cast.partnershipId,
    });
    const issues = formatDocumentName({ kind: "issues", partnershipId: ctx.cast.partnershipId });
    const north = ctx.live.connect(objectives, ctx.cast.north.cookie);
    const southIssues = ctx.live.connect(issues, ctx.cast.south.cookie);
    await Promise.all([north.synced, southIssues.synced]);
    const objectiveId = addObjective(
      north.doc,
      {
        title: "Cut food waste",
        ownerOrganizationIds: [ctx.cast.northOrg],
        governanceLevel: "tactical",
      },
      { userId: ctx.cast.north.id, organizationId: ctx.cast.northOrg },
    );
    addIssue(
      southIssues.doc,
      {
        kind: "risk",
        title: "Cold chain gaps",
        ownerOrganizationId: ctx.cast.southOrg,
        severity: "high",
        linkedObjectiveId: objectiveId,
      },
      { userId: ctx.cast.south.id, organizationId: ctx.cast.southOrg },
    );
    removeObjective(north.doc, objectiveId);
    const exported = async () =>
      (
        await fetch(`${ctx.live.url}/api/partnerships/${ctx.cast.partnershipId}/export.md`, {
          headers: { cookie: ctx.cast.south.cookie },
        })
      ).text();
    await until(async () => (await exported()).includes("(deleted objective)"), "export");
    expect(await exported()).toContain("Cut food waste (deleted objective)");
  });
});
