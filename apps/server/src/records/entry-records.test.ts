import {
  addAction,
  removeAction,
  removeObjective,
  updateAction,
  type Author,
} from "@entente/schema";
import * as Y from "yjs";
import { beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../test/api-harness.js";
import { authorOf, seedJointPilot, usePartnershipHarness } from "../test/partnership-harness.js";
import { changeDocument } from "../test/document-writes.js";
import { CurrentDocuments } from "../sync/document-reader.js";
import type { AppliedChange, EntryChange } from "../sync/document-observers.js";
import { SqlUpdateLog } from "../sync/update-log.js";
import { TRASH_RETENTION_MS } from "./entry-trash.js";

/**
 * The records observer told of applied changes the way the document room tells it (the
 * producer is the room's diff; here the changes are written out by hand), then read back
 * through the HTTP API as each side would.
 */
describe("entry records: history and trash", () => {
  const ctx = usePartnershipHarness();
  let objectiveId = "";
  let actionId = "";
  let clock = Date.UTC(2026, 11, 1, 9);

  const name = () => `${ctx.cast.partnershipId}/objectives`;
  const read = async () =>
    new CurrentDocuments(new SqlUpdateLog(ctx.harness.store)).readDocument(name());
  const entryJson = async (path: string[]) => {
    const doc = await read();
    try {
      let value: unknown = doc.getMap("objectives");
      for (const key of path) value = (value as Y.Map<unknown>).get(key);
      return value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : null;
    } finally {
      doc.destroy();
    }
  };
  /** Applies `change` to the stored document as `by`, then tells the observer `changes`. */
  const apply = async (
    by: Author,
    change: (doc: Y.Doc) => void,
    changes: EntryChange[],
    source: AppliedChange["source"] = "client",
  ) => {
    const stamp = { userId: by.userId, organizationId: by.organizationId };
    await changeDocument(ctx.harness.store, name(), change, stamp);
    clock += 60_000;
    await ctx.harness.services.records.afterApplied({
      documentName: name(),
      stamp,
      at: clock,
      source,
      changes,
    });
  };
  const get = (user: TestUser, path: string) =>
    ctx.harness.request("GET", `/api/partnerships/${ctx.cast.partnershipId}${path}`, {
      cookie: user.cookie,
    });
  const restore = (user: TestUser, trashId: string) =>
    ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/trash/${trashId}/restore`,
      {
        cookie: user.cookie,
      },
    );
  const notifications = (user: TestUser) => ctx.harness.notifications(user);

  beforeEach(async () => {
    objectiveId = await seedJointPilot(ctx, (doc, objective, north) => {
      actionId = addAction(
        doc,
        objective,
        { title: "Draft the brief", ownerOrganizationId: ctx.cast.north.id },
        north,
      );
    });
  });

  const deleteTheAction = async (by: Author) => {
    const before = await entryJson([objectiveId, "actions", actionId]);
    await apply(by, (doc) => void removeAction(doc, objectiveId, actionId), [
      {
        collection: ["objectives", objectiveId, "actions"],
        entryId: actionId,
        kind: "deleted",
        fields: Object.keys(before ?? {}),
        before,
        after: null,
      },
    ]);
  };

  it("lists who changed which field when, by organization, newest first; the sender, never the stamps", async () => {
    const southEditor = authorOf(ctx.cast.south.editor, ctx.cast.south.id);
    await apply(
      southEditor,
      (doc) => void updateAction(doc, objectiveId, actionId, { status: "done" }),
      [
        {
          collection: ["objectives", objectiveId, "actions"],
          entryId: actionId,
          kind: "updated",
          fields: ["status"],
          before: { status: "todo", createdBy: ctx.cast.north.admin.id },
          after: { status: "done", createdBy: ctx.cast.north.admin.id },
        },
      ],
    );
    await apply(authorOf(ctx.cast.north.editor, ctx.cast.north.id), () => undefined, [
      {
        collection: ["objectives", objectiveId, "actions"],
        entryId: actionId,
        kind: "updated",
        fields: ["title", "notes"],
        before: { title: "Draft the brief", notes: "x".repeat(10_000) },
        after: { title: "Draft the pilot brief" },
      },
    ]);

    const answer = await get(ctx.cast.south.viewer, `/history/objectives/${actionId}`);
    expect(answer.status).toBe(200);
    const [latest, first] = answer.body.changes;
    expect(answer.body.changes).toHaveLength(2);
    expect(latest).toMatchObject({
      kind: "updated",
      userId: ctx.cast.north.editor.id,
      userName: "North Editor",
      organizationId: ctx.cast.north.id,
      organizationName: "Northwind",
      fields: [
        { name: "title", before: "Draft the brief", after: "Draft the pilot brief" },
        { name: "notes", after: null },
      ],
    });
    // A long value is kept as a bounded preview, not whole.
    expect(String(latest.fields[1].before).length).toBeLessThan(400);
    expect(first).toMatchObject({
      kind: "updated",
      userName: "South Editor",
      organizationName: "Southpeak",
      fields: [{ name: "status", before: "todo", after: "done" }],
    });
    expect(Date.parse(latest.at)).toBeGreaterThan(Date.parse(first.at));
  });

  it("checks access and input: non-members 404, a profile needs its organization", async () => {
    const outsider = await ctx.harness.signup("Outsider");
    expect((await get(outsider, `/history/objectives/${actionId}`)).status).toBe(404);
    expect((await get(outsider, "/trash")).status).toBe(404);
    const noOrg = await get(ctx.cast.north.admin, `/history/profile/${actionId}`);
    expect(noOrg.status).toBe(400);
    expect(noOrg.body.error.code).toBe("invalid_input");
    expect((await get(ctx.cast.north.admin, `/history/charter/${actionId}`)).status).toBe(400);
    const profile = await get(
      ctx.cast.north.admin,
      `/history/profile/${actionId}?organizationId=${ctx.cast.south.id}`,
    );
    expect(profile.status).toBe(200);
    expect(profile.body).toEqual({ changes: [] });
  });

  it("keeps an entry the partner deleted in the trash, tells its owners, and restores it in one click", async () => {
    await deleteTheAction(authorOf(ctx.cast.south.editor, ctx.cast.south.id));
    expect(await entryJson([objectiveId, "actions", actionId])).toBeNull();

    // Both sides see it.
    for (const user of [ctx.cast.north.viewer, ctx.cast.south.viewer]) {
      const trash = await get(user, "/trash");
      expect(trash.status).toBe(200);
      expect(trash.body.entries).toEqual([
        {
          id: expect.any(String),
          documentKind: "objectives",
          documentOrganizationId: null,
          entryId: actionId,
          collection: ["objectives", objectiveId, "actions"],
          title: "Draft the brief",
          ownerOrganizationId: ctx.cast.north.id,
          deletedBy: {
            userId: ctx.cast.south.editor.id,
            userName: "South Editor",
            organizationId: ctx.cast.south.id,
            organizationName: "Southpeak",
          },
          deletedAt: new Date(clock).toISOString(),
          expiresAt: new Date(clock + TRASH_RETENTION_MS).toISOString(),
        },
      ]);
    }
    const trashId = (await get(ctx.cast.north.admin, "/trash")).body.entries[0].id as string;

    // Northwind's members are told who deleted it; Southpeak's are not.
    const [told] = await notifications(ctx.cast.north.viewer);
    expect(told).toMatchObject({
      kind: "item_deleted",
      actor: { id: ctx.cast.south.editor.id, organizationId: ctx.cast.south.id },
      item: { kind: "trash", id: trashId, title: "Draft the brief" },
    });
    expect(await notifications(ctx.cast.south.admin)).toEqual([]);

    // Viewers read but do not restore.
    const refused = await restore(ctx.cast.north.viewer, trashId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");

    const restored = await restore(ctx.cast.north.editor, trashId);
    expect(restored.status).toBe(201);
    expect(restored.body).toEqual({ entryId: actionId, documentKind: "objectives" });
    expect(await entryJson([objectiveId, "actions", actionId])).toMatchObject({
      title: "Draft the brief",
      ownerOrganizationId: ctx.cast.north.id,
      createdBy: ctx.cast.north.admin.id,
    });
    // Stored as the restorer's own edit.
    const last = await ctx.harness.store.db
      .selectFrom("document_updates")
      .select(["user_id", "organization_id"])
      .where("document_name", "=", name())
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ user_id: ctx.cast.north.editor.id, organization_id: ctx.cast.north.id });
    expect((await get(ctx.cast.south.admin, "/trash")).body.entries).toEqual([]);
    expect((await restore(ctx.cast.north.editor, trashId)).status).toBe(404);
  });

  it("keeps an objective whole with its actions, and answers 409 for an action whose objective is gone", async () => {
    const south = authorOf(ctx.cast.south.admin, ctx.cast.south.id);
    await deleteTheAction(south);
    const actionTrashId = (await get(ctx.cast.north.admin, "/trash")).body.entries[0].id as string;
    // Its own fields, as the room's diff gives them: the nested collections are left out.
    const objective = Object.fromEntries(
      Object.entries((await entryJson([objectiveId])) ?? {}).filter(
        ([key]) => key !== "actions" && key !== "kpis",
      ),
    );
    await apply(south, (doc) => void removeObjective(doc, objectiveId), [
      {
        collection: ["objectives"],
        entryId: objectiveId,
        kind: "deleted",
        fields: Object.keys(objective),
        before: objective,
        after: null,
      },
      // Its nested entries, deleted with it, are not kept apart: they come back with it.
      {
        collection: ["objectives", objectiveId, "kpis"],
        entryId: "kpi1",
        kind: "deleted",
        fields: ["name"],
        before: { name: "Lead time" },
        after: null,
      },
    ]);
    const entries = (await get(ctx.cast.north.admin, "/trash")).body.entries as any[];
    expect(entries.map((e) => e.title)).toEqual(["Joint pilot", "Draft the brief"]);

    // A reference to it shows the title it had.
    expect((await get(ctx.cast.south.viewer, "/deleted-objectives")).body).toEqual({
      objectives: [{ id: objectiveId, title: "Joint pilot" }],
    });
    const conflict = await restore(ctx.cast.north.admin, actionTrashId);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe("conflict");

    expect((await restore(ctx.cast.north.admin, entries[0].id)).status).toBe(201);
    const back = await entryJson([objectiveId]);
    expect(back).toMatchObject({
      title: "Joint pilot",
      owners: { [ctx.cast.north.id]: true },
      actions: {},
      kpis: { kpi1: { name: "Lead time" } },
    });
    // The description is a Y.Text again, as the schema writes it.
    const doc = await read();
    const restoredObjective = doc.getMap("objectives").get(objectiveId) as Y.Map<unknown>;
    expect(restoredObjective.get("description")).toBeInstanceOf(Y.Text);
    expect(restoredObjective.get("actions")).toBeInstanceOf(Y.Map);
    doc.destroy();
    // Now the action can come back under its objective.
    expect((await restore(ctx.cast.north.admin, actionTrashId)).status).toBe(201);
    expect(await entryJson([objectiveId, "actions", actionId])).toMatchObject({
      title: "Draft the brief",
    });
  });

  it("keeps what one's own side deleted without telling anyone, and purges after 30 days", async () => {
    await deleteTheAction(authorOf(ctx.cast.north.editor, ctx.cast.north.id));
    expect((await get(ctx.cast.south.viewer, "/trash")).body.entries).toHaveLength(1);
    for (const user of [ctx.cast.north.admin, ctx.cast.north.viewer, ctx.cast.south.admin]) {
      expect(await notifications(user)).toEqual([]);
    }
    // A server-side deletion (not a person's) is not a trash entry.
    await apply(
      authorOf(ctx.cast.north.editor, ctx.cast.north.id),
      () => undefined,
      [
        {
          collection: ["objectives"],
          entryId: objectiveId,
          kind: "deleted",
          fields: ["title"],
          before: { title: "Joint pilot" },
          after: null,
        },
      ],
      "server",
    );
    expect((await get(ctx.cast.south.viewer, "/trash")).body.entries).toHaveLength(1);

    await ctx.harness.services.trash.check(ctx.cast.partnershipId);
    expect(
      await ctx.harness.store.db.selectFrom("entry_trash").select("id").execute(),
    ).toHaveLength(1);
    await ctx.harness.store.db
      .updateTable("entry_trash")
      .set({ expires_at: Date.now() - 1 })
      .execute();
    expect((await get(ctx.cast.south.viewer, "/trash")).body.entries).toEqual([]);
    await ctx.harness.services.trash.check(ctx.cast.partnershipId);
    expect(await ctx.harness.store.db.selectFrom("entry_trash").select("id").execute()).toEqual([]);
  });
});
