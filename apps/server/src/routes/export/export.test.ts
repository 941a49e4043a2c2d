import { formatDocumentName } from "@entente/domain";
import { writeCharterContent } from "@entente/editor";
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
  privateNotesFragment,
  setKpiTarget,
  updateDecision,
} from "@entente/schema";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";
import { changeDocument } from "../../test/document-writes.js";

function note(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  privateNotesFragment(doc).push([paragraph]);
}

describe("GET /api/partnerships/:id/export.md", () => {
  const ctx = usePartnershipHarness("all");
  let decisionId: string;
  const name = (kind: "charter" | "objectives" | "issues" | "decisions") =>
    formatDocumentName({ kind, partnershipId: ctx.cast.partnershipId });
  const orgDoc = (kind: "profile" | "private", organizationId: string) =>
    formatDocumentName({ kind, partnershipId: ctx.cast.partnershipId, organizationId });

  beforeAll(async () => {
    const { store } = ctx.harness;
    const north = { userId: ctx.cast.north.admin.id, organizationId: ctx.cast.north.id };
    const south = { userId: ctx.cast.south.editor.id, organizationId: ctx.cast.south.id };
    const at = (iso: string) => new Date(iso);

    await changeDocument(store, name("charter"), (doc) =>
      writeCharterContent(doc, {
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Purpose" }] },
          {
            type: "paragraph",
            content: [
              { type: "text", text: "We bring " },
              { type: "text", text: "low-carbon", marks: [{ type: "bold" }] },
              { type: "text", text: " logistics." },
            ],
          },
          {
            type: "bulletList",
            content: [
              {
                type: "listItem",
                content: [{ type: "paragraph", content: [{ type: "text", text: "Trust" }] }],
              },
            ],
          },
        ],
      }),
    );

    let objectiveId = "";
    await changeDocument(store, name("objectives"), (doc) => {
      objectiveId = addObjective(
        doc,
        {
          title: "Cold chain for 40 producers",
          description: "Regional producers first.",
          ownerOrganizationIds: [ctx.cast.north.id, ctx.cast.south.id],
          governanceLevel: "strategic",
          status: "active",
          dueDate: "2026-12-31",
        },
        { ...north, at: at("2026-01-05T09:00:00.000Z") },
      );
      addAction(
        doc,
        objectiveId,
        {
          title: "Lease two trucks",
          ownerOrganizationId: ctx.cast.north.id,
          assigneeUserId: ctx.cast.north.editor.id,
          dueDate: "2026-03-01",
        },
        north,
      );
      const kpiId = addKpi(
        doc,
        objectiveId,
        {
          name: "Producers served",
          unit: "producers",
          baseline: 0,
          target: 30,
          direction: "increase",
        },
        { ...north, at: at("2026-01-05T09:00:00.000Z") },
      );
      setKpiTarget(
        doc,
        objectiveId,
        kpiId,
        40,
        { ...south, at: at("2026-02-10T10:30:00.000Z") },
        "Demand is higher",
      );
      addMeasurement(doc, objectiveId, kpiId, { date: "2026-03-31", value: 12, note: "Q1" }, south);
      // A broken entry somebody's client wrote.
      doc.getMap("objectives").set("brokenobjective", "not an objective");
    });

    await changeDocument(store, name("issues"), (doc) => {
      addIssue(
        doc,
        {
          kind: "risk",
          title: "Refrigerant regulation",
          ownerOrganizationId: ctx.cast.south.id,
          severity: "high",
          linkedObjectiveId: objectiveId,
        },
        south,
      );
    });

    await changeDocument(store, name("decisions"), (doc) => {
      decisionId = addDecision(
        doc,
        {
          title: "Share the fleet",
          context: "Trucks idle on weekends.",
          governanceLevel: "strategic",
        },
        north,
      );
      addDecision(doc, { title: "Joint brand", governanceLevel: "tactical" }, south);
    });

    await changeDocument(store, orgDoc("profile", ctx.cast.north.id), (doc) => {
      addContribution(
        doc,
        {
          kind: "funding",
          description: "Truck leases",
          unit: "EUR",
          promisedAmount: 200000,
          deliveredAmount: 50000,
        },
        north,
      );
      addConstraint(
        doc,
        {
          kind: "budget",
          description: "Frozen until Q2",
          severity: "medium",
          affectedObjectiveIds: [objectiveId],
        },
        north,
      );
      addAmbition(doc, { statement: "Lead regional cold chains" }, north);
    });
    await changeDocument(store, orgDoc("profile", ctx.cast.south.id), (doc) => {
      addContribution(doc, { kind: "network", description: "Producer cooperatives" }, south);
    });
    await changeDocument(store, orgDoc("private", ctx.cast.north.id), (doc) =>
      note(doc, "NORTH-ONLY: our walk-away price"),
    );
    await changeDocument(store, orgDoc("private", ctx.cast.south.id), (doc) =>
      note(doc, "SOUTH-ONLY: board is hesitant"),
    );

    const vote = (user: TestUser, body: unknown) =>
      ctx.harness.request(
        "POST",
        `/api/partnerships/${ctx.cast.partnershipId}/decisions/${decisionId}/votes`,
        {
          body,
          cookie: user.cookie,
        },
      );
    expect((await vote(ctx.cast.north.admin, { vote: "approve", comment: "Yes" })).status).toBe(
      201,
    );
    expect((await vote(ctx.cast.south.admin, { vote: "approve" })).status).toBe(201);
    // Rewritten in storage after it was decided (no live room here to put it back), and
    // superseded by a newer decision.
    await changeDocument(store, name("decisions"), (doc) => {
      updateDecision(doc, decisionId, { title: "Share the fleet, Southpeak pays" });
      addDecision(
        doc,
        {
          title: "Share the fleet and drivers",
          governanceLevel: "strategic",
          supersedes: decisionId,
        },
        south,
      );
    });
    const endorsed = await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/charter/endorsements`,
      { body: {}, cookie: ctx.cast.north.admin.cookie },
    );
    expect(endorsed.status).toBe(201);
  });

  async function exportAs(user: TestUser | undefined) {
    const response = await ctx.harness.app.request(
      `/api/partnerships/${ctx.cast.partnershipId}/export.md`,
      {
        headers: user ? { cookie: user.cookie } : {},
      },
    );
    return { response, text: await response.text() };
  }

  it("answers Markdown as an attachment named after the partnership", async () => {
    const { response, text } = await exportAs(ctx.cast.north.admin);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="north-south.md"',
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(text.startsWith("# North × South\n")).toBe(true);
  });

  it("holds the organizations, members, charter and its status", async () => {
    const { text } = await exportAs(ctx.cast.north.admin);

    expect(text).toContain("## Organizations\n\n- Northwind\n- Southpeak");
    expect(text).toContain("| Name | Organization | Permission | Level |");
    expect(text).toContain("| North Editor | Northwind | editor | operational |");
    expect(text).toContain("| South Admin | Southpeak | admin | strategic |");
    expect(text).toContain("### Purpose\n\nWe bring **low-carbon** logistics.\n\n- Trust");
    expect(text).toContain("**Not ratified**");
    expect(text).toMatch(/- Northwind: endorsed this version \(version 1\) by North Admin on /);
    expect(text).toContain("- Southpeak: has not endorsed the charter.");
    expect(text).not.toContain("@example.test");
  });

  it("holds objectives with actions, KPIs, target history and measurements", async () => {
    const { text } = await exportAs(ctx.cast.south.viewer);

    expect(text).toContain("### Cold chain for 40 producers");
    expect(text).toContain("- Owners: Northwind, Southpeak");
    expect(text).toContain("- Origin: added by North Admin (Northwind) on 2026-01-05 09:00 UTC");
    expect(text).toContain(
      "- **Lease two trucks** [todo]: owner Northwind, assignee North Editor, due 2026-03-01",
    );
    expect(text).toContain("##### Producers served");
    expect(text).toContain("- Current target: 40 producers");
    expect(text).toContain(
      "- 30 producers, set by North Admin (Northwind) on 2026-01-05 09:00 UTC",
    );
    expect(text).toContain(
      "- 40 producers, set by South Editor (Southpeak) on 2026-02-10 10:30 UTC: Demand is higher",
    );
    expect(text).toContain("- 2026-03-31: 12 producers: Q1");
  });

  it("lists a malformed entry as such instead of failing", async () => {
    const { response, text } = await exportAs(ctx.cast.north.viewer);

    expect(response.status).toBe(200);
    expect(text).toContain("### Malformed objective `brokenobjective`");
    expect(text).toContain('"not an objective"');
  });

  it("holds issues, decisions with the server's votes and outcome, and every profile", async () => {
    const { text } = await exportAs(ctx.cast.south.admin);

    expect(text).toContain("### Risk: Refrigerant regulation");
    expect(text).toContain("- Linked objective: Cold chain for 40 producers");
    expect(text).toMatch(
      /### Share the fleet\n\n- Outcome: approved\n[\s\S]*- Northwind approved \(North Admin, [^)]+\): “Yes”\n- Southpeak approved \(South Admin, /,
    );
    expect(text).toMatch(/### Joint brand\n\n- Outcome: pending[\s\S]*_No votes yet._/);
    expect(text).toContain("## Profile of Northwind");
    expect(text).toContain("**Funding**: promised 200000 EUR, delivered 50000 EUR");
    expect(text).toContain(
      "**Budget** (medium); affects Cold chain for 40 producers; added by North Admin",
    );
    expect(text).toContain("- Lead regional cold chains (added by North Admin (Northwind) on ");
    expect(text).toContain("## Profile of Southpeak");
    expect(text).toContain("**Network**: promised not stated, delivered not stated");
  });

  it("shows a decided decision's text as decided, and what superseded it", async () => {
    const { text } = await exportAs(ctx.cast.north.viewer);
    expect(text).not.toContain("Southpeak pays");
    expect(text).toMatch(
      /### Share the fleet\n\n- Outcome: approved\n[\s\S]*- Text: as decided by every organization\n- Superseded by: Share the fleet and drivers\n\nTrucks idle on weekends\./,
    );
    expect(text).toMatch(
      /### Share the fleet and drivers\n\n- Outcome: pending\n[\s\S]*- Supersedes: Share the fleet\n/,
    );
  });

  it.each([
    ["a Northwind admin", "north", "admin"],
    ["a Northwind viewer", "north", "viewer"],
  ] as const)("gives %s Northwind's private notes and never Southpeak's", async (_, side, role) => {
    const { text } = await exportAs(ctx.cast[side][role]);

    expect(text).toContain("## Private notes of Northwind");
    expect(text).toContain("NORTH-ONLY: our walk-away price");
    expect(text).not.toContain("Private notes of Southpeak");
    expect(text).not.toContain("SOUTH-ONLY");
  });

  it.each([
    ["a Southpeak editor", "south", "editor"],
    ["a Southpeak viewer", "south", "viewer"],
  ] as const)("gives %s Southpeak's private notes and never Northwind's", async (_, side, role) => {
    const { text } = await exportAs(ctx.cast[side][role]);

    expect(text).toContain("## Private notes of Southpeak");
    expect(text).toContain("SOUTH-ONLY: board is hesitant");
    expect(text).not.toContain("Private notes of Northwind");
    expect(text).not.toContain("NORTH-ONLY");
  });

  it("answers 404 to non-members and 401 without a session", async () => {
    const outsider = await ctx.harness.signup("Outsider");

    const refused = await exportAs(outsider);
    expect(refused.response.status).toBe(404);
    expect(JSON.parse(refused.text)).toEqual({
      error: { code: "not_found", message: expect.any(String) },
    });
    expect(refused.text).not.toContain("ONLY");
    expect((await exportAs(undefined)).response.status).toBe(401);
    const unknown = await ctx.harness.app.request("/api/partnerships/nosuchpartnership/export.md", {
      headers: { cookie: ctx.cast.north.admin.cookie },
    });
    expect(unknown.status).toBe(404);
  });

  it("exports an empty partnership without failing", async () => {
    const loner = await ctx.harness.signup("Loner");
    const organization = await ctx.harness.createOrganization(loner, "Eastgate");
    const partnershipId = await ctx.harness.createPartnership(loner, organization, "Été 2026!");

    const response = await ctx.harness.app.request(`/api/partnerships/${partnershipId}/export.md`, {
      headers: { cookie: loner.cookie },
    });
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ete-2026.md"');
    expect(text).toContain("_The charter is empty._");
    expect(text).toContain("_No objectives yet._");
    expect(text).toContain("## Private notes of Eastgate");
  });
});
