import { writeCharterContent } from "@entente/editor";
import { addDecision, updateDecision } from "@entente/schema";
import type * as Y from "yjs";
import { describe, expect, it } from "vitest";
import type { TestUser } from "../test/api-harness.js";
import { usePartnershipHarness } from "../test/partnership-harness.js";
import { changeDocument, changeObservedDocument } from "../test/document-writes.js";

describe("governance notifications", () => {
  const ctx = usePartnershipHarness();

  const check = () => ctx.harness.services.governanceWatch.check(ctx.cast.partnershipId);
  const notifications = (user: TestUser) => ctx.harness.notifications(user);
  const kinds = async (user: TestUser) => (await notifications(user)).map((n) => n.kind);

  it("tells each organization once that a proposed decision waits for its vote", async () => {
    let decisionId = "";
    await changeDocument(ctx.harness.store, `${ctx.cast.partnershipId}/decisions`, (doc) => {
      decisionId = addDecision(
        doc,
        { title: "Extend the pilot", governanceLevel: "tactical" },
        { userId: ctx.cast.north.editor.id, organizationId: ctx.cast.north.id },
      );
      addDecision(
        doc,
        { title: "Draft only", governanceLevel: "tactical", status: "draft" },
        { userId: ctx.cast.north.editor.id, organizationId: ctx.cast.north.id },
      );
    });
    await check();
    // Whoever proposed it is not told of their own proposal; their colleagues are.
    expect(await notifications(ctx.cast.north.editor)).toEqual([]);
    for (const user of [ctx.cast.north.admin, ctx.cast.north.viewer, ctx.cast.south.viewer]) {
      const [notification, ...others] = await notifications(user);
      expect(others).toEqual([]);
      expect(notification).toMatchObject({
        kind: "decision_waiting",
        partnershipId: ctx.cast.partnershipId,
        item: { kind: "decision", id: decisionId, title: "Extend the pilot" },
        actor: {
          id: ctx.cast.north.editor.id,
          name: "North Editor",
          organizationId: ctx.cast.north.id,
        },
      });
    }
    await check();
    expect(await kinds(ctx.cast.south.admin)).toEqual(["decision_waiting"]);

    // Northwind votes; Southpeak was told already; nothing new for anyone.
    await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/decisions/${decisionId}/votes`,
      {
        cookie: ctx.cast.north.admin.cookie,
        body: { vote: "approve" },
      },
    );
    await check();
    expect(await kinds(ctx.cast.south.admin)).toEqual(["decision_waiting"]);
    expect(await kinds(ctx.cast.north.admin)).toEqual(["decision_waiting"]);
  });

  it("asks an organization to vote again, once per new text, when an edit made its vote stale", async () => {
    let decisionId = "";
    const decisions = `${ctx.cast.partnershipId}/decisions`;
    await changeDocument(ctx.harness.store, decisions, (doc) => {
      decisionId = addDecision(
        doc,
        { title: "Shared depot in Lyon", governanceLevel: "strategic" },
        { userId: ctx.cast.north.editor.id, organizationId: ctx.cast.north.id },
      );
    });
    await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/decisions/${decisionId}/votes`,
      { cookie: ctx.cast.north.admin.cookie, body: { vote: "approve" } },
    );
    await check();
    expect(await kinds(ctx.cast.north.admin)).toEqual([]);

    // Through the server's records, as a live room would record Southpeak's edit.
    const southEdits = (title: string) =>
      changeObservedDocument(
        ctx.harness.store,
        ctx.harness.services.records,
        decisions,
        (doc) => updateDecision(doc, decisionId, { title }),
        { userId: ctx.cast.south.editor.id, organizationId: ctx.cast.south.id },
      );
    await southEdits("Shared depot in Lyon, costs paid by Northwind");
    await check();
    await check();
    const [again, ...others] = await notifications(ctx.cast.north.admin);
    expect(others).toEqual([]);
    expect(again).toMatchObject({
      kind: "decision_waiting",
      item: {
        kind: "decision",
        id: decisionId,
        title: "Shared depot in Lyon, costs paid by Northwind",
      },
      actor: { id: ctx.cast.south.editor.id, organizationId: ctx.cast.south.id },
    });
    // Southpeak has not voted at all: told once, as before, not again for the edit.
    expect(await kinds(ctx.cast.south.admin)).toEqual(["decision_waiting"]);

    await southEdits("Shared depot in Lyon, all costs paid by Northwind");
    await check();
    expect(await kinds(ctx.cast.north.admin)).toEqual(["decision_waiting", "decision_waiting"]);
  });

  it("tells an organization once per endorsement that the charter changed since", async () => {
    const charter = `${ctx.cast.partnershipId}/charter`;
    await changeDocument(ctx.harness.store, charter, (doc) =>
      writeCharterContent(doc, {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "We share." }] }],
      }),
    );
    const endorse = (user: TestUser) =>
      ctx.harness.request(
        "POST",
        `/api/partnerships/${ctx.cast.partnershipId}/charter/endorsements`,
        {
          cookie: user.cookie,
          body: {},
        },
      );
    const edit = (text: string) =>
      changeDocument(
        ctx.harness.store,
        charter,
        (doc) => {
          const paragraph = doc.getXmlFragment("default").get(0) as Y.XmlElement;
          (paragraph.get(0) as Y.XmlText).insert(0, text);
        },
        { userId: ctx.cast.south.editor.id, organizationId: ctx.cast.south.id },
      );
    expect((await endorse(ctx.cast.north.admin)).status).toBe(201);
    await check();
    expect(await kinds(ctx.cast.north.viewer)).toEqual([]);

    await edit("Together, ");
    await edit("Now ");
    await check();
    await check();
    const [changed, ...others] = await notifications(ctx.cast.north.viewer);
    expect(others).toEqual([]);
    expect(changed).toMatchObject({
      kind: "charter_changed",
      item: { kind: "charter", id: null },
      actor: { id: ctx.cast.south.editor.id, organizationId: ctx.cast.south.id },
    });
    // Southpeak never endorsed: nothing changed "since" for it.
    expect(await kinds(ctx.cast.south.admin)).toEqual([]);

    expect((await endorse(ctx.cast.north.editor)).status).toBe(201);
    await edit("Again ");
    await check();
    expect(await kinds(ctx.cast.north.viewer)).toEqual(["charter_changed", "charter_changed"]);
  });
});
