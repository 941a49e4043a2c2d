import { formatDocumentName } from "@entente/domain";
import {
  addDecision,
  readDecisionContent,
  readDecisions,
  removeDecision,
  updateDecision,
} from "@entente/schema";
import { beforeEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { eventually, roundTrip, type SyncClient } from "../test/live-server.js";
import { useLiveServer } from "../test/live-fixture.js";

/**
 * A decided decision stays as decided, against stock y-websocket clients that rewrite or
 * delete it (one of them offline meanwhile), without closing anyone's socket.
 */
describe("decided decisions are put back (DecisionFreeze)", () => {
  const ctx = useLiveServer();
  let name: string;
  let north: SyncClient;
  let south: SyncClient;
  let decisionId: string;
  const closed: string[] = [];

  const title = (doc: Y.Doc) => readDecisionContent(doc, decisionId)?.title;
  const status = (doc: Y.Doc) => {
    const entry = readDecisions(doc).find((d) => d.ok && d.value.id === decisionId);
    return entry?.ok ? entry.value.status : undefined;
  };
  const vote = (cookie: string) =>
    ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/decisions/${decisionId}/votes`,
      { vote: "approve" },
      cookie,
    );

  beforeEach(async () => {
    closed.length = 0;
    name = formatDocumentName({ kind: "decisions", partnershipId: ctx.cast.partnershipId });
    north = ctx.live.connect(name, ctx.cast.north.cookie);
    south = ctx.live.connect(name, ctx.cast.south.cookie);
    await Promise.all([north.synced, south.synced]);
    for (const [who, client] of [
      ["north", north],
      ["south", south],
    ] as const) {
      client.provider.on("connection-close", () => closed.push(who));
    }
    decisionId = addDecision(
      north.doc,
      { title: "Shared depot in Lyon", context: "Costs shared.", governanceLevel: "strategic" },
      { userId: ctx.cast.north.id, organizationId: ctx.cast.northOrg },
    );
    await roundTrip(north);
    expect((await vote(ctx.cast.north.cookie)).status).toBe(201);
    const decided = await vote(ctx.cast.south.cookie);
    expect(decided.body.outcome).toBe("approved");
    await eventually(() => title(south.doc) === "Shared depot in Lyon", 5000, "south synced");
  });

  it("puts back a rewritten title and context, keeps the sender's other work and the status", async () => {
    let other = "";
    south.doc.transact(() => {
      updateDecision(south.doc, decisionId, {
        title: "Shared depot in Lyon, costs paid by Northwind",
        context: "Northwind pays.",
        status: "approved",
      });
      other = addDecision(
        south.doc,
        { title: "Night deliveries", governanceLevel: "tactical" },
        { userId: ctx.cast.south.id, organizationId: ctx.cast.southOrg },
      );
    });
    for (const client of [north, south]) {
      await eventually(
        () =>
          title(client.doc) === "Shared depot in Lyon" &&
          readDecisionContent(client.doc, decisionId)?.context === "Costs shared." &&
          readDecisionContent(client.doc, other)?.title === "Night deliveries",
        5000,
        "converged back",
      );
      await roundTrip(client);
      expect(status(client.doc)).toBe("approved");
    }
    const stored = await ctx.live.server.services.documents.readDocument(name);
    expect(readDecisionContent(stored, decisionId)?.title).toBe("Shared depot in Lyon");
    stored.destroy();
    expect(closed).toEqual([]);
  });

  it("leaves the status writable", async () => {
    updateDecision(south.doc, decisionId, { status: "withdrawn" });
    await roundTrip(south);
    await roundTrip(north);
    await eventually(() => status(north.doc) === "withdrawn", 5000, "status relayed");
    expect(title(north.doc)).toBe("Shared depot in Lyon");
  });

  it("brings a deleted decision back, with its status and stamp", async () => {
    removeDecision(south.doc, decisionId);
    for (const client of [north, south]) {
      await eventually(() => title(client.doc) === "Shared depot in Lyon", 5000, "restored");
    }
    const entry = readDecisions(north.doc).find((d) => d.ok && d.value.id === decisionId);
    expect(entry).toMatchObject({
      ok: true,
      value: {
        createdBy: ctx.cast.north.id,
        organizationId: ctx.cast.northOrg,
        status: "proposed",
      },
    });
    expect(closed).toEqual([]);
  });

  it("converges an offline copy that rewrote and then deleted it", async () => {
    south.provider.disconnect();
    updateDecision(south.doc, decisionId, { title: "Northwind pays everything" });
    removeDecision(south.doc, decisionId);
    const kept = addDecision(
      south.doc,
      { title: "Written offline", governanceLevel: "operational" },
      { userId: ctx.cast.south.id, organizationId: ctx.cast.southOrg },
    );
    expect(title(south.doc)).toBeUndefined();
    south.provider.connect();
    for (const client of [north, south]) {
      await eventually(
        () =>
          title(client.doc) === "Shared depot in Lyon" &&
          readDecisionContent(client.doc, kept)?.title === "Written offline",
        5000,
        "offline copy converged",
      );
    }
  });
});
