import { formatDocumentName } from "@entente/domain";
import {
  addAction,
  addContribution,
  addDecision,
  addKpi,
  addMeasurement,
  addObjective,
  privateNotesFragment,
} from "@entente/schema";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";
import { changeDocument } from "../../test/document-writes.js";
import { pdfText } from "../../test/pdf-text.js";

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const paragraph = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

describe("review.pdf and export.pdf", () => {
  const ctx = usePartnershipHarness("all");

  beforeAll(async () => {
    const { store } = ctx.harness;
    const north = { userId: ctx.cast.north.admin.id, organizationId: ctx.cast.north.id };
    const south = { userId: ctx.cast.south.editor.id, organizationId: ctx.cast.south.id };
    const doc = (kind: "objectives" | "decisions") =>
      formatDocumentName({ kind, partnershipId: ctx.cast.partnershipId });
    const orgDoc = (kind: "profile" | "private", organizationId: string) =>
      formatDocumentName({ kind, partnershipId: ctx.cast.partnershipId, organizationId });

    await changeDocument(store, doc("objectives"), (d) => {
      const objectiveId = addObjective(
        d,
        {
          title: "Cold chain for 40 producers",
          ownerOrganizationIds: [ctx.cast.north.id, ctx.cast.south.id],
          governanceLevel: "strategic",
          status: "active",
        },
        north,
      );
      addAction(
        d,
        objectiveId,
        { title: "Lease two trucks", ownerOrganizationId: ctx.cast.north.id, dueDate: daysAgo(-5) },
        north,
      );
      const kpiId = addKpi(
        d,
        objectiveId,
        { name: "Producers served", unit: "producers", target: 30, direction: "increase" },
        north,
      );
      addMeasurement(d, objectiveId, kpiId, { date: daysAgo(40), value: 8 }, south);
      addMeasurement(d, objectiveId, kpiId, { date: daysAgo(10), value: 14 }, south);
    });
    let decided = "";
    await changeDocument(store, doc("decisions"), (d) => {
      decided = addDecision(d, { title: "Share the fleet", governanceLevel: "strategic" }, north);
      addDecision(d, { title: "Joint brand still pending", governanceLevel: "tactical" }, south);
    });
    for (const user of [ctx.cast.north.admin, ctx.cast.south.admin]) {
      const vote = await ctx.harness.request(
        "POST",
        `/api/partnerships/${ctx.cast.partnershipId}/decisions/${decided}/votes`,
        { body: { vote: "approve" }, cookie: user.cookie },
      );
      expect(vote.status).toBe(201);
    }
    await changeDocument(store, orgDoc("profile", ctx.cast.north.id), (d) => {
      addContribution(
        d,
        {
          kind: "funding",
          description: "Truck leases",
          unit: "EUR",
          promisedAmount: 200000,
          deliveredAmount: 50000,
        },
        north,
      );
    });
    const note = (text: string) => (d: Y.Doc) => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      privateNotesFragment(d).push([p]);
    };
    await changeDocument(
      store,
      orgDoc("private", ctx.cast.north.id),
      note("NORTHONLY walk-away price"),
    );
    await changeDocument(
      store,
      orgDoc("private", ctx.cast.south.id),
      note("SOUTHONLY board is hesitant"),
    );
    for (const [tag, title] of [
      ["success", "First producers delivered"],
      ["difficulty", "Drivers are scarce"],
      ["information", "Office moved"],
    ] as const) {
      const post = await ctx.harness.request(
        "POST",
        `/api/partnerships/${ctx.cast.partnershipId}/posts`,
        {
          body: { title, body: paragraph(title), tag },
          cookie: ctx.cast.south.editor.cookie,
        },
      );
      expect(post.status).toBe(201);
    }
  });

  async function get(
    path: string,
    user: TestUser | undefined,
    headers: Record<string, string> = {},
  ) {
    const response = await ctx.harness.app.request(
      `/api/partnerships/${ctx.cast.partnershipId}/${path}`,
      {
        headers: { ...headers, ...(user ? { cookie: user.cookie } : {}) },
      },
    );
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  it("answers a 2–4 page PDF holding the period's decisions, wins, difficulties and KPIs", async () => {
    const { response, bytes } = await get("review.pdf", ctx.cast.south.viewer);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="north-south-review-${daysAgo(90)}-${today()}.pdf"`,
    );
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);
    expect(text).toContain("Partnership review");
    expect(text).toContain(`Period: ${daysAgo(90)} to ${today()}`);
    expect(text).toContain("Decisions taken in the period");
    expect(text).toMatch(new RegExp(`${today()}\\s+Share the fleet \\(approved, strategic\\)`));
    // Pending decisions were not taken.
    expect(text).not.toContain("Joint brand still pending");
    expect(text).toContain("Producers served");
    expect(text).toContain("target 30 producers");
    expect(text).toContain("14 producers");
    expect(text).toContain("First producers delivered (Southpeak)");
    expect(text).toContain("Drivers are scarce (Southpeak)");
    expect(text).not.toContain("Office moved");
    expect(text).toMatch(
      /Northwind\s+funding: Truck leases; promised 200000 EUR, delivered 50000 EUR/,
    );
    expect(text).toContain("Cold chain for 40 producers (active): 0 of 1 actions done");
    expect(text).toMatch(/Lease two trucks\s+Northwind, Cold chain for 40 producers; due /);
    expect(text).toContain("No health check in this period.");
    expect(text).not.toContain("ONLY");
  });

  it("leaves out decisions taken outside the period asked for", async () => {
    const { response, bytes } = await get(
      `review.pdf?from=2025-01-01&to=2025-03-31`,
      ctx.cast.north.admin,
    );

    expect(response.status).toBe(200);
    const { text } = await pdfText(bytes);
    expect(text).toContain("Period: 2025-01-01 to 2025-03-31");
    expect(text).not.toContain("Share the fleet");
    expect(text).toContain("No decision taken in this period.");
    expect(text).toContain("No win shared in this period.");
  });

  it("prints French for a caller whose browser asks for it, and for one whose preference says so", async () => {
    const byHeader = await pdfText(
      (
        await get("review.pdf", ctx.cast.north.viewer, {
          "accept-language": "fr-CA,fr;q=0.9,en;q=0.5",
        })
      ).bytes,
    );
    expect(byHeader.text).toContain("Revue du partenariat");
    expect(byHeader.text).toContain("Décisions prises sur la période");
    expect(byHeader.text).toMatch(/Share the fleet \(approuvée, stratégique\)/);
    expect(byHeader.text).toContain(
      "financement: Truck leases; promis 200000 EUR, apporté 50000 EUR",
    );

    const saved = await ctx.harness.request("PUT", "/api/me/notification-preferences", {
      body: { language: "fr" },
      cookie: ctx.cast.south.editor.cookie,
    });
    expect(saved.status).toBe(200);
    const byPreference = await pdfText(
      (await get("review.pdf", ctx.cast.south.editor, { "accept-language": "en" })).bytes,
    );
    expect(byPreference.text).toContain("Revue du partenariat");
    const english = await pdfText((await get("review.pdf", ctx.cast.north.admin)).bytes);
    expect(english.text).toContain("Partnership review");
    // The web app sends the language its user reads it in, which wins.
    const asked = await pdfText((await get("review.pdf?lang=en", ctx.cast.south.editor)).bytes);
    expect(asked.text).toContain("Partnership review");
  });

  it.each([
    ["from=2025-13-01"],
    ["to=yesterday"],
    ["from=2025-02-30"],
    ["from=2025-05-01&to=2025-04-01"],
    ["lang=de"],
    ["from=2999-01-01"],
  ])("refuses %s with 400 invalid_input", async (query) => {
    const { response, bytes } = await get(`review.pdf?${query}`, ctx.cast.north.admin);
    expect(response.status).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(bytes))).toMatchObject({
      error: { code: "invalid_input", message: expect.any(String) },
    });
  });

  it("prints the Markdown export with the caller's own private notes only", async () => {
    const north = await get("export.pdf", ctx.cast.north.viewer);
    expect(north.response.status).toBe(200);
    expect(north.response.headers.get("content-type")).toBe("application/pdf");
    expect(north.response.headers.get("content-disposition")).toBe(
      'attachment; filename="north-south.pdf"',
    );
    const northText = (await pdfText(north.bytes)).text;
    expect(northText).toContain("North × South");
    expect(northText).toContain("Cold chain for 40 producers");
    expect(northText).toContain("Private notes of Northwind");
    expect(northText).toContain("NORTHONLY walk-away price");
    expect(northText).not.toContain("SOUTHONLY");
    expect(northText).not.toContain("Private notes of Southpeak");

    const southText = (await pdfText((await get("export.pdf", ctx.cast.south.editor)).bytes)).text;
    expect(southText).toContain("SOUTHONLY board is hesitant");
    expect(southText).not.toContain("NORTHONLY");
  });

  it.each(["review.pdf", "review.pdf?from=nonsense", "export.pdf"])(
    "answers 404 to a non-member for %s and 401 without a session",
    async (path) => {
      const outsider = await ctx.harness.signup("Outsider");
      const refused = await get(path, outsider);
      expect(refused.response.status).toBe(404);
      expect(JSON.parse(new TextDecoder().decode(refused.bytes))).toEqual({
        error: { code: "not_found", message: expect.any(String) },
      });
      expect((await get(path, undefined)).response.status).toBe(401);
    },
  );

  it("draws the latest health check closed in the period, with the gap where both sides show", async () => {
    const opened = await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/health-checks`,
      {
        cookie: ctx.cast.north.admin.cookie,
        body: {
          title: "Spring pulse",
          minRespondents: 2,
          dimensions: [
            { key: "trust", label: "Trust" },
            { key: "speed", label: "Decision speed" },
          ],
        },
      },
    );
    expect(opened.status).toBe(201);
    const id = opened.body.healthCheck.id as string;
    const answer = (user: TestUser, trust: number, speed: number) =>
      ctx.harness.request("POST", `/api/health-checks/${id}/responses`, {
        cookie: user.cookie,
        body: { ratings: { trust, speed } },
      });
    for (const [user, trust, speed] of [
      [ctx.cast.north.admin, 5, 4],
      [ctx.cast.north.viewer, 5, 2],
      [ctx.cast.south.admin, 3, 2],
      [ctx.cast.south.viewer, 2, 2],
    ] as const) {
      expect((await answer(user, trust, speed)).status).toBe(201);
    }
    const closed = await ctx.harness.request("POST", `/api/health-checks/${id}/close`, {
      cookie: ctx.cast.south.admin.cookie,
    });
    expect(closed.status).toBe(200);

    const { text } = await pdfText((await get("review.pdf", ctx.cast.south.viewer)).bytes);
    expect(text).toContain("Spring pulse");
    expect(text).not.toContain("No health check in this period.");
    expect(text).toMatch(/Trust\s+Northwind 5\.0, Southpeak 2\.5, gap 2\.5/);
    expect(text).toMatch(/Decision speed\s+Northwind 3\.0, Southpeak 2\.0, gap 1\.0/);
  });
});
