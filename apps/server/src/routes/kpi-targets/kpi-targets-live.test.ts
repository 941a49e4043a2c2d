import { formatDocumentName } from "@entente/domain";
import { CloseCode } from "@entente/protocol";
import {
  addKpi,
  addObjective,
  readObjectives,
  readValues,
  setKpiTarget,
  type Author,
  type Kpi,
} from "@entente/schema";
import { beforeEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { eventually, roundTrip } from "../../test/live-server.js";
import { useLiveServer } from "../../test/live-fixture.js";

function kpiIn(doc: Y.Doc, kpiId: string): Kpi | undefined {
  return readValues(readObjectives(doc))
    .flatMap((objective) => readValues(objective.kpis))
    .find((kpi) => kpi.id === kpiId);
}

describe("two-key KPI targets against the real server and stock y-websocket clients", () => {
  const ctx = useLiveServer();
  let objectives: string;
  let objectiveId: string;
  let kpiId: string;

  beforeEach(async () => {
    objectives = formatDocumentName({ kind: "objectives", partnershipId: ctx.cast.partnershipId });
    // Creating a KPI with its first target stays a client's write.
    const north = ctx.live.connect(objectives, ctx.cast.north.cookie);
    await north.synced;
    const by: Author = { userId: ctx.cast.north.id, organizationId: ctx.cast.northOrg };
    objectiveId = addObjective(
      north.doc,
      {
        title: "Cut empty kilometres",
        ownerOrganizationIds: [ctx.cast.northOrg, ctx.cast.southOrg],
        governanceLevel: "strategic",
      },
      by,
    );
    kpiId = addKpi(
      north.doc,
      objectiveId,
      { name: "Load factor", unit: "%", target: 40, direction: "increase" },
      by,
    );
    await roundTrip(north);
    north.destroy();
  });

  it("refuses a client's own target append, and brings the agreed one to every client live", async () => {
    const watcher = ctx.live.connect(objectives, ctx.cast.north.cookie);
    await watcher.synced;
    expect(kpiIn(watcher.doc, kpiId)?.target).toBe(40);

    // Southpeak's stock client appends a target stamped in its own name, at the server's time.
    const hostile = ctx.live.connect(objectives, ctx.cast.south.cookie);
    const closes: number[] = [];
    hostile.provider.on("connection-close", (event: { code: number } | null) =>
      closes.push(event?.code ?? 0),
    );
    await hostile.synced;
    setKpiTarget(hostile.doc, objectiveId, kpiId, 90, {
      userId: ctx.cast.south.id,
      organizationId: ctx.cast.southOrg,
    });
    await eventually(() => closes.length > 0, 5000, "the append to be refused");
    expect(closes[0]).toBe(CloseCode.InvalidMessage);
    hostile.destroy();
    await roundTrip(watcher);
    expect(readValues(kpiIn(watcher.doc, kpiId)!.targetHistory).map((t) => t.target)).toEqual([40]);

    // The same change as a proposal: it waits for Northwind, then the server applies it.
    const base = `/api/partnerships/${ctx.cast.partnershipId}/kpis/${kpiId}/target-proposals`;
    const proposed = await ctx.live.api(
      "POST",
      base,
      { target: 90, note: "Full trucks" },
      ctx.cast.south.cookie,
    );
    expect(proposed.status).toBe(201);
    expect(proposed.body.applied).toBe(false);
    await roundTrip(watcher);
    expect(kpiIn(watcher.doc, kpiId)?.target).toBe(40);

    const agreed = await ctx.live.api(
      "POST",
      `${base}/${proposed.body.proposal.id as string}/agree`,
      {},
      ctx.cast.north.cookie,
    );
    expect(agreed.status).toBe(200);
    expect(agreed.body.applied).toBe(true);
    await eventually(() => kpiIn(watcher.doc, kpiId)?.target === 90, 5000, "the agreed target");
    expect(readValues(kpiIn(watcher.doc, kpiId)!.targetHistory).at(-1)).toMatchObject({
      target: 90,
      changedBy: ctx.cast.south.id,
      organizationId: ctx.cast.southOrg,
      note: "Full trucks",
      proposalId: proposed.body.proposal.id,
    });
    watcher.destroy();

    // A fresh client reads the same from storage.
    const fresh = ctx.live.connect(objectives, ctx.cast.south.cookie);
    await fresh.synced;
    expect(kpiIn(fresh.doc, kpiId)?.target).toBe(90);
    fresh.destroy();
  });
});
