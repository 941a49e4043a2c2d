import { addAction, addDecision, updateAction, updateObjective } from "@entente/schema";
import { beforeEach, describe, expect, it } from "vitest";
import { notificationMessage } from "../mail/notification-mail.js";
import type { TestUser } from "../test/api-harness.js";
import { seedJointPilot, usePartnershipHarness } from "../test/partnership-harness.js";
import { changeDocument } from "../test/document-writes.js";
import { CurrentDocuments } from "../sync/document-reader.js";
import { SqlUpdateLog } from "../sync/update-log.js";

/**
 * What the server says about who did what comes from its records: the entry history the
 * records observer keeps (told here as the document room tells it), or the stamped update,
 * never a document field nor whoever edited last; "someone" when the records do not say.
 */
describe("who did what, from the server's records", () => {
  const ctx = usePartnershipHarness();
  let objectiveId = "";
  let actionId = "";

  const objectives = () => `${ctx.cast.partnershipId}/objectives`;
  const notifications = (user: TestUser) => ctx.harness.notifications(user);
  const mail = (notification: any, language: "en" | "fr") =>
    notificationMessage(
      "http://entente.test",
      "N × S",
      { userId: "u", email: "u@entente.test", name: "U", language },
      notification,
    ).subject;

  beforeEach(async () => {
    objectiveId = await seedJointPilot(ctx, (doc, objective, north) => {
      actionId = addAction(
        doc,
        objective,
        {
          title: "Ship the samples",
          ownerOrganizationId: ctx.cast.north.id,
          assigneeUserId: ctx.cast.north.editor.id,
        },
        north,
      );
    });
    // The watch's first look.
    await ctx.harness.services.itemWatch.check(ctx.cast.partnershipId);
  });

  /** Southpeak's editor sets the action done; the room tells the records observer if `recorded`. */
  const southSetsDone = async (recorded: boolean) => {
    const south = { userId: ctx.cast.south.editor.id, organizationId: ctx.cast.south.id };
    await changeDocument(
      ctx.harness.store,
      objectives(),
      (doc) => void updateAction(doc, objectiveId, actionId, { status: "done" }),
      south,
    );
    if (!recorded) return;
    await ctx.harness.services.records.afterApplied({
      documentName: objectives(),
      stamp: south,
      at: Date.now(),
      source: "client",
      changes: [
        {
          collection: ["objectives", objectiveId, "actions"],
          entryId: actionId,
          kind: "updated",
          fields: ["status"],
          before: { status: "todo" },
          after: { status: "done" },
        },
      ],
    });
  };

  /** 500 edits of Northwind's admin after it, stored in one go. */
  const fiveHundredFillers = async () => {
    const log = new SqlUpdateLog(ctx.harness.store);
    const doc = await new CurrentDocuments(log).readDocument(objectives());
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 500; i += 1) {
      updateObjective(doc, objectiveId, { description: `Draft ${i}` });
    }
    doc.destroy();
    const stamp = { userId: ctx.cast.north.admin.id, organizationId: ctx.cast.north.id };
    await log.appendAll(
      objectives(),
      updates.map((update) => ({ update, stamp })),
    );
  };

  it("after 500 filler updates, names Southpeak's editor who changed the status, by the records", async () => {
    await southSetsDone(true);
    await fiveHundredFillers();
    await ctx.harness.services.itemWatch.check(ctx.cast.partnershipId);

    const [told, ...others] = await notifications(ctx.cast.north.editor);
    expect(others).toEqual([]);
    expect(told).toMatchObject({
      kind: "item_status_changed",
      item: { kind: "action", id: actionId, status: "done" },
      actor: {
        id: ctx.cast.south.editor.id,
        name: "South Editor",
        organizationId: ctx.cast.south.id,
      },
    });
    expect(told.actorUnknown).toBeUndefined();
    expect(mail(told, "en")).toBe(
      "[N × S] South Editor changed the status of the action “Ship the samples” to Done",
    );
  });

  it("says 'someone' when neither the records nor the searched updates tell, never the last editor", async () => {
    await southSetsDone(false);
    await fiveHundredFillers();
    await ctx.harness.services.itemWatch.check(ctx.cast.partnershipId);

    const [told] = await notifications(ctx.cast.north.editor);
    expect(told).toMatchObject({
      kind: "item_status_changed",
      actorUnknown: true,
      actor: { id: "", name: "" },
    });
    expect(mail(told, "en")).toBe(
      "[N × S] Someone changed the status of the action “Ship the samples” to Done",
    );
    expect(mail(told, "fr")).toBe(
      "[N × S] Quelqu’un a passé l’action « Ship the samples » au statut « Terminée »",
    );
  });

  it("names a status change from the stamped update when within reach and unrecorded", async () => {
    await southSetsDone(false);
    await ctx.harness.services.itemWatch.check(ctx.cast.partnershipId);
    const [told] = await notifications(ctx.cast.north.editor);
    expect(told.actor).toMatchObject({
      id: ctx.cast.south.editor.id,
      organizationId: ctx.cast.south.id,
    });
  });

  it("shows a decision proposed in someone else's name as 'proposed by X, recorded by Y'", async () => {
    let decisionId = "";
    const south = { userId: ctx.cast.south.editor.id, organizationId: ctx.cast.south.id };
    await changeDocument(
      ctx.harness.store,
      `${ctx.cast.partnershipId}/decisions`,
      (doc) => {
        decisionId = addDecision(
          doc,
          {
            title: "Northwind waives its share",
            governanceLevel: "tactical",
            proposedBy: ctx.cast.north.admin.id,
          },
          south,
        );
      },
      south,
    );
    await ctx.harness.services.records.afterApplied({
      documentName: `${ctx.cast.partnershipId}/decisions`,
      stamp: south,
      at: Date.now(),
      source: "client",
      changes: [
        {
          collection: ["decisions"],
          entryId: decisionId,
          kind: "created",
          fields: ["title", "proposedBy"],
          before: null,
          after: { title: "Northwind waives its share", proposedBy: ctx.cast.north.admin.id },
        },
      ],
    });
    await ctx.harness.services.governanceWatch.check(ctx.cast.partnershipId);

    const [told] = await notifications(ctx.cast.north.viewer);
    expect(told).toMatchObject({
      kind: "decision_waiting",
      actor: {
        id: ctx.cast.south.editor.id,
        name: "South Editor",
        organizationId: ctx.cast.south.id,
      },
      item: { kind: "decision", id: decisionId, proposedBy: "North Admin" },
    });
    expect(mail(told, "en")).toBe(
      "[N × S] The decision “Northwind waives its share” (proposed by North Admin, recorded by South Editor) waits for your organization's vote",
    );
    expect(mail(told, "fr")).toContain("(proposée par North Admin, enregistrée par South Editor)");
  });
});
