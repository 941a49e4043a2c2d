import {
  addAction,
  addIssue,
  addObjective,
  updateAction,
  updateIssue,
  type Author,
} from "@entente/schema";
import type * as Y from "yjs";
import { beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../test/api-harness.js";
import {
  authorOf,
  everyoneIn,
  seedJointPilot,
  usePartnershipHarness,
} from "../test/partnership-harness.js";
import { changeDocument } from "../test/document-writes.js";
import type { LiveUser } from "../test/live-server.js";
import { useMailingServer } from "../test/mail-fixture.js";
import { ItemWatch } from "./item-watch.js";

describe("item notifications", () => {
  const ctx = usePartnershipHarness();
  let objectiveId = "";

  beforeEach(async () => {
    objectiveId = await seedJointPilot(ctx);
  });

  const stamp = (author: Author) => ({
    userId: author.userId,
    organizationId: author.organizationId,
  });
  const objectives = (change: (doc: Y.Doc) => void, by: Author) =>
    changeDocument(ctx.harness.store, `${ctx.cast.partnershipId}/objectives`, change, stamp(by));
  const issues = (change: (doc: Y.Doc) => void, by: Author) =>
    changeDocument(ctx.harness.store, `${ctx.cast.partnershipId}/issues`, change, stamp(by));
  const newAction = async (
    input: { title: string; assigneeUserId?: string | null; dueDate?: string | null },
    by: Author,
  ) => {
    let id = "";
    await objectives((doc) => {
      id = addAction(doc, objectiveId, { ownerOrganizationId: ctx.cast.north.id, ...input }, by);
    }, by);
    return id;
  };
  const setActionStatus = (id: string, status: "in_progress" | "done" | "blocked", by: Author) =>
    objectives((doc) => void updateAction(doc, objectiveId, id, { status }), by);

  const check = () => ctx.harness.services.itemWatch.check(ctx.cast.partnershipId);
  const notifications = (user: TestUser) => ctx.harness.notifications(user);
  const kinds = async (user: TestUser) => (await notifications(user)).map((n) => n.kind);
  const everyone = () => everyoneIn(ctx.cast);
  const kindsOfEveryone = async () => Promise.all(everyone().map(kinds));

  it("records a first sighting without notifying anyone", async () => {
    await newAction(
      { title: "Draft the brief", assigneeUserId: ctx.cast.north.editor.id },
      authorOf(ctx.cast.south.editor, ctx.cast.south.id),
    );
    await check();
    await check();
    expect(await kindsOfEveryone()).toEqual([[], [], [], [], [], []]);
  });

  it("tells the assignee who changed the status of their action, never the changer", async () => {
    const southEditor = authorOf(ctx.cast.south.editor, ctx.cast.south.id);
    const id = await newAction(
      { title: "Draft the brief", assigneeUserId: ctx.cast.north.editor.id },
      authorOf(ctx.cast.north.admin, ctx.cast.north.id),
    );
    await check();

    await setActionStatus(id, "in_progress", southEditor);
    // Someone else edits the document after: the change is still Southpeak's editor's.
    await objectives(
      (doc) => void updateAction(doc, objectiveId, id, { title: "Draft the pilot brief" }),
      authorOf(ctx.cast.north.admin, ctx.cast.north.id),
    );
    // Two instances check at once: one tells it.
    const other = new ItemWatch(
      ctx.harness.store.db,
      ctx.harness.services.documents,
      ctx.harness.services.notifications,
    );
    await Promise.all([check(), other.check(ctx.cast.partnershipId)]);
    const [changed, ...others] = await notifications(ctx.cast.north.editor);
    expect(others).toEqual([]);
    expect(changed).toMatchObject({
      kind: "item_status_changed",
      partnershipId: ctx.cast.partnershipId,
      item: {
        kind: "action",
        id,
        title: "Draft the pilot brief",
        status: "in_progress",
        dueDate: null,
      },
      actor: {
        id: ctx.cast.south.editor.id,
        name: "South Editor",
        organizationId: ctx.cast.south.id,
      },
      readAt: null,
    });
    // The assignee alone is told; a second check tells nothing new.
    await check();
    expect(await kindsOfEveryone()).toEqual([[], ["item_status_changed"], [], [], [], []]);

    // The assignee finishes it, and someone else edits after: nobody is told.
    await setActionStatus(id, "done", authorOf(ctx.cast.north.editor, ctx.cast.north.id));
    await objectives(
      (doc) => void updateAction(doc, objectiveId, id, { title: "Brief drafted" }),
      authorOf(ctx.cast.south.admin, ctx.cast.south.id),
    );
    await check();
    expect(await kindsOfEveryone()).toEqual([[], ["item_status_changed"], [], [], [], []]);
  });

  it("tells the owner organization's editors and admins when nobody is assigned", async () => {
    const issue = { id: "" };
    await issues(
      (doc) => {
        issue.id = addIssue(
          doc,
          {
            kind: "risk",
            title: "Budget freeze",
            ownerOrganizationId: ctx.cast.north.id,
            severity: "high",
          },
          authorOf(ctx.cast.south.editor, ctx.cast.south.id),
        );
      },
      authorOf(ctx.cast.south.editor, ctx.cast.south.id),
    );
    await check();

    await issues(
      (doc) => void updateIssue(doc, issue.id, { status: "resolved" }),
      authorOf(ctx.cast.north.admin, ctx.cast.north.id),
    );
    await check();
    // Northwind's admin resolved it: their editor is told, not their viewer, not Southpeak.
    expect(await kindsOfEveryone()).toEqual([[], ["item_status_changed"], [], [], [], []]);
    expect((await notifications(ctx.cast.north.editor))[0]).toMatchObject({
      item: { kind: "issue", id: issue.id, title: "Budget freeze", status: "resolved" },
      actor: { id: ctx.cast.north.admin.id, organizationId: ctx.cast.north.id },
    });

    await issues(
      (doc) => void updateIssue(doc, issue.id, { status: "open" }),
      authorOf(ctx.cast.south.admin, ctx.cast.south.id),
    );
    await check();
    expect(await kindsOfEveryone()).toEqual([
      ["item_status_changed"],
      ["item_status_changed", "item_status_changed"],
      [],
      [],
      [],
      [],
    ]);
  });

  it("records what is already late at its first look without announcing it", async () => {
    const north = authorOf(ctx.cast.north.admin, ctx.cast.north.id);
    await newAction(
      {
        title: "Late before the watch",
        assigneeUserId: ctx.cast.south.viewer.id,
        dueDate: "2026-01-05",
      },
      north,
    );
    await check();
    await check();
    expect(await kindsOfEveryone()).toEqual([[], [], [], [], [], []]);
  });

  it("tells the owner once that an item is overdue, again only for a new due date", async () => {
    const north = authorOf(ctx.cast.north.admin, ctx.cast.north.id);
    // The watch already knows both documents: what follows is news.
    await newAction({ title: "Known before", dueDate: "2999-01-01" }, north);
    await issues((doc) => {
      addIssue(
        doc,
        {
          kind: "question",
          title: "Known issue",
          ownerOrganizationId: ctx.cast.south.id,
          severity: "low",
          dueDate: "2999-01-01",
        },
        north,
      );
    }, north);
    await check();
    const late = await newAction(
      { title: "Sign the NDA", assigneeUserId: ctx.cast.south.viewer.id, dueDate: "2026-01-05" },
      north,
    );
    const finished = await newAction({ title: "Finished late", dueDate: "2026-01-05" }, north);
    await setActionStatus(finished, "done", north);
    await newAction({ title: "Not due yet", dueDate: "2999-01-01" }, north);
    const south = authorOf(ctx.cast.south.admin, ctx.cast.south.id);
    let issueId = "";
    await issues((doc) => {
      issueId = addIssue(
        doc,
        {
          kind: "dependency",
          title: "Legal review",
          ownerOrganizationId: ctx.cast.south.id,
          severity: "medium",
          dueDate: "2026-02-01",
        },
        south,
      );
      addIssue(
        doc,
        {
          kind: "question",
          title: "Closed already",
          ownerOrganizationId: ctx.cast.south.id,
          severity: "low",
          status: "closed",
          dueDate: "2026-02-01",
        },
        south,
      );
    }, south);

    await check();
    await check();
    // The assignee of the late action (a viewer: what is assigned is theirs); Southpeak's
    // editors for the unassigned issue, its last editor too: overdue is nobody's doing.
    expect(await kindsOfEveryone()).toEqual([
      [],
      [],
      [],
      ["item_overdue"],
      ["item_overdue"],
      ["item_overdue"],
    ]);
    const [action] = await notifications(ctx.cast.south.viewer);
    expect(action).toMatchObject({
      kind: "item_overdue",
      item: {
        kind: "action",
        id: late,
        title: "Sign the NDA",
        status: "todo",
        dueDate: "2026-01-05",
      },
      // Nobody made it late: no one is named (never whoever edited last).
      actorUnknown: true,
    });
    expect((await notifications(ctx.cast.south.admin))[0]).toMatchObject({
      item: { kind: "issue", id: issueId, status: "open", dueDate: "2026-02-01" },
      actorUnknown: true,
    });

    // Pushed back to another passed date: overdue again, once.
    await objectives(
      (doc) => void updateAction(doc, objectiveId, late, { dueDate: "2026-03-01" }),
      north,
    );
    await check();
    await check();
    expect(await kinds(ctx.cast.south.viewer)).toEqual(["item_overdue", "item_overdue"]);
  });
});

describe("item notifications, live and by e-mail", () => {
  const ctx = useMailingServer();

  /** Edits a document through a real y-websocket client, once the server stored it. */
  const edit = async (user: LiveUser, document: string, change: (doc: Y.Doc) => void) => {
    const db = ctx.live.server.store.db;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom("document_updates")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("user_id", "=", user.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const client = ctx.live.connect(`${ctx.cast.partnershipId}/${document}`, user.cookie);
    await client.synced;
    change(client.doc);
    const deadline = Date.now() + 5000;
    while ((await count()) === before) {
      if (Date.now() > deadline) throw new Error("the edit was not stored in time");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    client.destroy();
  };

  it("arrives on the assignee's event stream and in their mailbox, in their language", async () => {
    const email = (
      await ctx.live.server.store.db
        .selectFrom("users")
        .select("email")
        .where("id", "=", ctx.cast.south.id)
        .executeTakeFirstOrThrow()
    ).email;
    await ctx.live.api(
      "PUT",
      "/api/me/notification-preferences",
      { language: "fr" },
      ctx.cast.south.cookie,
    );
    // Nora (Northwind) does not want these by e-mail: only Sam gets one.
    await ctx.live.api(
      "PUT",
      "/api/me/notification-preferences",
      { email: { item_status_changed: false } },
      ctx.cast.north.cookie,
    );
    let objectiveId = "";
    let actionId = "";
    let otherId = "";
    await edit(ctx.cast.north, "objectives", (doc) => {
      const by = { userId: ctx.cast.north.id, organizationId: ctx.cast.northOrg };
      objectiveId = addObjective(
        doc,
        { title: "Pilot", ownerOrganizationIds: [ctx.cast.northOrg], governanceLevel: "tactical" },
        by,
      );
      actionId = addAction(
        doc,
        objectiveId,
        {
          title: "Book the venue",
          ownerOrganizationId: ctx.cast.southOrg,
          assigneeUserId: ctx.cast.south.id,
        },
        by,
      );
      otherId = addAction(
        doc,
        objectiveId,
        { title: "Write the agenda", ownerOrganizationId: ctx.cast.northOrg },
        by,
      );
    });
    await ctx.live.server.services.itemWatch.check(ctx.cast.partnershipId);

    const reader = await ctx.openEventStream("/api/notifications/events", ctx.cast.south);

    await edit(ctx.cast.north, "objectives", (doc) => {
      updateAction(doc, objectiveId, actionId, { status: "blocked" });
    });
    await edit(ctx.cast.south, "objectives", (doc) => {
      updateAction(doc, objectiveId, otherId, { status: "done" });
    });
    await ctx.live.server.services.itemWatch.check(ctx.cast.partnershipId);

    const event = await reader.nextEvent<any>();
    expect(event).toMatchObject({
      type: "notification.created",
      unread: 1,
      notification: {
        kind: "item_status_changed",
        item: { kind: "action", id: actionId, title: "Book the venue", status: "blocked" },
        actor: { id: ctx.cast.north.id, name: "Nora North", organizationId: ctx.cast.northOrg },
      },
    });

    const [mail] = await ctx.sink.waitFor(1);
    await ctx.live.server.services.notificationMail.idle();
    // Nora was told in the app about "Write the agenda", and not by e-mail.
    expect(
      (await ctx.live.api("GET", "/api/notifications", undefined, ctx.cast.north.cookie)).body,
    ).toMatchObject({ unread: 1, notifications: [{ kind: "item_status_changed" }] });
    expect(ctx.sink.received).toHaveLength(1);
    expect(mail).toMatchObject({
      to: [email],
      subject: "[N × S] Nora North a passé l’action « Book the venue » au statut « Bloquée »",
    });
    expect(mail!.text).toContain(
      `Pour l’ouvrir : http://entente.test/p/${ctx.cast.partnershipId}/objectives`,
    );
  });
});
