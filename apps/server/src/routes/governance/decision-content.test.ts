import { formatDocumentName } from "@entente/domain";
import {
  addDecision,
  readDecisionContent,
  readDecisions,
  removeDecision,
  updateDecision,
} from "@entente/schema";
import { beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";
import { changeDocument } from "../../test/document-writes.js";

const HEX64 = /^[0-9a-f]{64}$/;

/** Votes bind to a decision's content; decided content is kept (issue 12). */
describe("decision votes bound to content", () => {
  const ctx = usePartnershipHarness();
  let decisions: string;
  let decisionId: string;

  beforeEach(async () => {
    decisions = formatDocumentName({ kind: "decisions", partnershipId: ctx.cast.partnershipId });
    await changeDocument(ctx.harness.store, decisions, (doc) => {
      decisionId = addDecision(
        doc,
        { title: "Shared depot in Lyon", context: "Costs shared.", governanceLevel: "strategic" },
        { userId: ctx.cast.north.admin.id, organizationId: ctx.cast.north.id },
      );
    });
  });

  const vote = (user: TestUser, body: unknown) =>
    ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/decisions/${decisionId}/votes`,
      { body, cookie: user.cookie },
    );

  const listed = async (user: TestUser = ctx.cast.north.viewer) =>
    (
      await ctx.harness.request(
        "GET",
        `/api/partnerships/${ctx.cast.partnershipId}/decisions/votes`,
        {
          cookie: user.cookie,
        },
      )
    ).body.decisions[decisionId];

  const edit = (patch: Parameters<typeof updateDecision>[2]) =>
    changeDocument(ctx.harness.store, decisions, (doc) => {
      updateDecision(doc, decisionId, patch);
    });

  const stored = async () => {
    const doc = await ctx.harness.services.documents.readDocument(decisions);
    try {
      return {
        content: readDecisionContent(doc, decisionId),
        status: readDecisions(doc).find((d) => d.ok && d.value.id === decisionId),
      };
    } finally {
      doc.destroy();
    }
  };

  it("makes a vote stale when the text changes after it: shown, not counted", async () => {
    const north = await vote(ctx.cast.north.editor, { vote: "approve" });
    expect(north.body.contentVersion).toMatch(HEX64);
    await edit({ title: "Shared depot in Lyon, costs paid by Northwind" });

    const south = await vote(ctx.cast.south.admin, { vote: "approve" });
    expect(south.status).toBe(201);
    expect(south.body.outcome).toBe("pending");
    expect(south.body.contentVersion).not.toBe(north.body.contentVersion);

    const view = await listed(ctx.cast.south.viewer);
    expect(view.outcome).toBe("pending");
    expect(view.contentVersion).toBe(south.body.contentVersion);
    expect(view.agreed).toBeUndefined();
    expect(view.votes.map((v: any) => [v.organizationId, v.current])).toEqual([
      [ctx.cast.north.id, false],
      [ctx.cast.south.id, true],
    ]);
    // Northwind, asked again, approves the new text: now it is decided, on that text.
    const again = await vote(ctx.cast.north.admin, {
      vote: "approve",
      contentVersion: view.contentVersion,
    });
    expect(again.body.outcome).toBe("approved");
    const decided = await listed();
    expect(decided.votes.every((v: any) => v.current)).toBe(true);
    expect(decided.agreed.title).toBe("Shared depot in Lyon, costs paid by Northwind");
  });

  it("leaves votes current when only the status (or a field beside the content) changes", async () => {
    const north = await vote(ctx.cast.north.editor, { vote: "approve" });
    await edit({ status: "draft" });
    await changeDocument(ctx.harness.store, decisions, (doc) => {
      (doc.getMap("decisions").get(decisionId) as any).set("colour", "red");
    });
    const view = await listed();
    expect(view.contentVersion).toBe(north.body.contentVersion);
    expect(view.votes[0].current).toBe(true);
  });

  it("answers 409 when the contentVersion sent is no longer the decision's, and records nothing", async () => {
    const before = (await vote(ctx.cast.north.editor, { vote: "approve" })).body.contentVersion;
    await edit({ governanceLevel: "tactical" });
    const refused = await vote(ctx.cast.south.admin, { vote: "approve", contentVersion: before });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: { code: "conflict", message: expect.any(String) } });
    const rows = await ctx.harness.store.db.selectFrom("decision_votes").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.content_version).toBe(before);
  });

  it("answers 400 to a malformed contentVersion", async () => {
    const bad = await vote(ctx.cast.north.editor, { vote: "approve", contentVersion: "cf4bc998" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_input");
  });

  it("keeps the decided content and puts it back where it was changed", async () => {
    await vote(ctx.cast.north.editor, { vote: "approve" });
    const decided = await vote(ctx.cast.south.editor, { vote: "approve" });
    expect(decided.body.outcome).toBe("approved");
    const rows = await ctx.harness.store.db.selectFrom("decision_agreements").selectAll().execute();
    expect(rows).toEqual([
      expect.objectContaining({
        decision_id: decisionId,
        outcome: "approved",
        content_version: decided.body.contentVersion,
      }),
    ]);

    // A rewrite through the document (no live room here) does not change what was agreed.
    await edit({ title: "Shared depot in Lyon, costs paid by Northwind", status: "approved" });
    const view = await listed(ctx.cast.south.viewer);
    expect(view.outcome).toBe("approved");
    expect(view.contentVersion).toBe(decided.body.contentVersion);
    expect(view.votes.every((v: any) => v.current)).toBe(true);
    expect(view.agreed).toEqual({
      title: "Shared depot in Lyon",
      context: "Costs shared.",
      governanceLevel: "strategic",
      proposedBy: ctx.cast.north.admin.id,
      meetingId: null,
      supersedes: null,
    });
    // Deleting it from the document does not forget it either.
    await changeDocument(ctx.harness.store, decisions, (doc) => {
      removeDecision(doc, decisionId);
    });
    expect((await listed()).agreed.title).toBe("Shared depot in Lyon");
  });

  it("keeps a rejected decision's content too", async () => {
    const rejected = await vote(ctx.cast.north.editor, { vote: "reject" });
    expect(rejected.body.outcome).toBe("rejected");
    expect((await listed()).agreed).toMatchObject({ title: "Shared depot in Lyon" });
  });

  it("leaves the status writable once decided, the content as decided", async () => {
    await vote(ctx.cast.north.editor, { vote: "approve" });
    await vote(ctx.cast.south.editor, { vote: "approve" });
    // The status is anyone's to write; the content is what was voted on.
    await edit({ status: "approved" });
    expect((await stored()).content?.title).toBe("Shared depot in Lyon");
    expect((await stored()).status).toMatchObject({ value: { status: "approved" } });
  });

  it("binds supersedes into the content of the new decision", async () => {
    let newer = "";
    await changeDocument(ctx.harness.store, decisions, (doc) => {
      newer = addDecision(
        doc,
        {
          title: "Shared depot in Lyon and Turin",
          governanceLevel: "strategic",
          supersedes: decisionId,
        },
        { userId: ctx.cast.south.admin.id, organizationId: ctx.cast.south.id },
      );
    });
    const cast1 = await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/decisions/${newer}/votes`,
      { body: { vote: "approve" }, cookie: ctx.cast.south.admin.cookie },
    );
    await changeDocument(ctx.harness.store, decisions, (doc) => {
      updateDecision(doc, newer, { supersedes: null });
    });
    const all = (
      await ctx.harness.request(
        "GET",
        `/api/partnerships/${ctx.cast.partnershipId}/decisions/votes`,
        {
          cookie: ctx.cast.north.viewer.cookie,
        },
      )
    ).body.decisions;
    expect(all[newer].contentVersion).not.toBe(cast1.body.contentVersion);
    expect(all[newer].votes[0].current).toBe(false);
  });

  it("treats votes recorded before votes bound to content: stale while pending, kept once decided", async () => {
    const legacy = (organizationId: string, userId: string, seq: number, outcome: string) =>
      ctx.harness.store.db
        .insertInto("decision_votes")
        .values({
          partnership_id: ctx.cast.partnershipId,
          decision_id: decisionId,
          seq,
          organization_id: organizationId,
          user_id: userId,
          vote: "approve",
          comment: null,
          outcome: outcome as "pending" | "approved",
          created_at: Date.now(),
        })
        .execute();
    await legacy(ctx.cast.north.id, ctx.cast.north.admin.id, 1, "pending");
    const pending = await listed();
    expect(pending.outcome).toBe("pending");
    expect(pending.votes[0].current).toBe(false);

    await legacy(ctx.cast.south.id, ctx.cast.south.admin.id, 2, "approved");
    const decided = await listed();
    expect(decided.outcome).toBe("approved");
    expect(decided.votes.map((v: any) => v.current)).toEqual([true, true]);
    expect(decided.agreed.title).toBe("Shared depot in Lyon");
    // Recorded once: a later rewrite of the document does not move it.
    await edit({ title: "Rewritten after the upgrade" });
    expect((await listed()).agreed.title).toBe("Shared depot in Lyon");
  });
});
