import { writeCharterContent } from "@entente/editor";
import { addDecision, updateDecision } from "@entente/schema";
import type * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiHarness, type TestUser } from "../test/api-harness.js";
import { changeDocument, changeObservedDocument } from "../test/document-writes.js";

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

describe("governance notifications", () => {
  let harness: ApiHarness;
  let cast: Cast;

  beforeEach(async () => {
    harness = await ApiHarness.create();
    cast = await harness.twoOrganizationPartnership();
  });

  afterEach(() => harness.close());

  const check = () => harness.services.governanceWatch.check(cast.partnershipId);
  const notifications = async (user: TestUser) =>
    (await harness.request("GET", "/api/notifications", { cookie: user.cookie })).body
      .notifications as any[];
  const kinds = async (user: TestUser) => (await notifications(user)).map((n) => n.kind);

  it("tells each organization once that a proposed decision waits for its vote", async () => {
    let decisionId = "";
    await changeDocument(harness.store, `${cast.partnershipId}/decisions`, (doc) => {
      decisionId = addDecision(
        doc,
        { title: "Extend the pilot", governanceLevel: "tactical" },
        { userId: cast.north.editor.id, organizationId: cast.north.id },
      );
      addDecision(
        doc,
        { title: "Draft only", governanceLevel: "tactical", status: "draft" },
        { userId: cast.north.editor.id, organizationId: cast.north.id },
      );
    });
    await check();
    // Whoever proposed it is not told of their own proposal; their colleagues are.
    expect(await notifications(cast.north.editor)).toEqual([]);
    for (const user of [cast.north.admin, cast.north.viewer, cast.south.viewer]) {
      const [notification, ...others] = await notifications(user);
      expect(others).toEqual([]);
      expect(notification).toMatchObject({
        kind: "decision_waiting",
        partnershipId: cast.partnershipId,
        item: { kind: "decision", id: decisionId, title: "Extend the pilot" },
        actor: { id: cast.north.editor.id, name: "North Editor", organizationId: cast.north.id },
      });
    }
    await check();
    expect(await kinds(cast.south.admin)).toEqual(["decision_waiting"]);

    // Northwind votes; Southpeak was told already; nothing new for anyone.
    await harness.request(
      "POST",
      `/api/partnerships/${cast.partnershipId}/decisions/${decisionId}/votes`,
      {
        cookie: cast.north.admin.cookie,
        body: { vote: "approve" },
      },
    );
    await check();
    expect(await kinds(cast.south.admin)).toEqual(["decision_waiting"]);
    expect(await kinds(cast.north.admin)).toEqual(["decision_waiting"]);
  });

  it("asks an organization to vote again, once per new text, when an edit made its vote stale", async () => {
    let decisionId = "";
    const decisions = `${cast.partnershipId}/decisions`;
    await changeDocument(harness.store, decisions, (doc) => {
      decisionId = addDecision(
        doc,
        { title: "Shared depot in Lyon", governanceLevel: "strategic" },
        { userId: cast.north.editor.id, organizationId: cast.north.id },
      );
    });
    await harness.request(
      "POST",
      `/api/partnerships/${cast.partnershipId}/decisions/${decisionId}/votes`,
      { cookie: cast.north.admin.cookie, body: { vote: "approve" } },
    );
    await check();
    expect(await kinds(cast.north.admin)).toEqual([]);

    // Through the server's records, as a live room would record Southpeak's edit.
    const southEdits = (title: string) =>
      changeObservedDocument(
        harness.store,
        harness.services.records,
        decisions,
        (doc) => updateDecision(doc, decisionId, { title }),
        { userId: cast.south.editor.id, organizationId: cast.south.id },
      );
    await southEdits("Shared depot in Lyon, costs paid by Northwind");
    await check();
    await check();
    const [again, ...others] = await notifications(cast.north.admin);
    expect(others).toEqual([]);
    expect(again).toMatchObject({
      kind: "decision_waiting",
      item: {
        kind: "decision",
        id: decisionId,
        title: "Shared depot in Lyon, costs paid by Northwind",
      },
      actor: { id: cast.south.editor.id, organizationId: cast.south.id },
    });
    // Southpeak has not voted at all: told once, as before, not again for the edit.
    expect(await kinds(cast.south.admin)).toEqual(["decision_waiting"]);

    await southEdits("Shared depot in Lyon, all costs paid by Northwind");
    await check();
    expect(await kinds(cast.north.admin)).toEqual(["decision_waiting", "decision_waiting"]);
  });

  it("tells an organization once per endorsement that the charter changed since", async () => {
    const charter = `${cast.partnershipId}/charter`;
    await changeDocument(harness.store, charter, (doc) =>
      writeCharterContent(doc, {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "We share." }] }],
      }),
    );
    const endorse = (user: TestUser) =>
      harness.request("POST", `/api/partnerships/${cast.partnershipId}/charter/endorsements`, {
        cookie: user.cookie,
        body: {},
      });
    const edit = (text: string) =>
      changeDocument(
        harness.store,
        charter,
        (doc) => {
          const paragraph = doc.getXmlFragment("default").get(0) as Y.XmlElement;
          (paragraph.get(0) as Y.XmlText).insert(0, text);
        },
        { userId: cast.south.editor.id, organizationId: cast.south.id },
      );
    expect((await endorse(cast.north.admin)).status).toBe(201);
    await check();
    expect(await kinds(cast.north.viewer)).toEqual([]);

    await edit("Together, ");
    await edit("Now ");
    await check();
    await check();
    const [changed, ...others] = await notifications(cast.north.viewer);
    expect(others).toEqual([]);
    expect(changed).toMatchObject({
      kind: "charter_changed",
      item: { kind: "charter", id: null },
      actor: { id: cast.south.editor.id, organizationId: cast.south.id },
    });
    // Southpeak never endorsed: nothing changed "since" for it.
    expect(await kinds(cast.south.admin)).toEqual([]);

    expect((await endorse(cast.north.editor)).status).toBe(201);
    await edit("Again ");
    await check();
    expect(await kinds(cast.north.viewer)).toEqual(["charter_changed", "charter_changed"]);
  });
});
