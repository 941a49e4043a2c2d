import {
  charterAnchorFromTextRange,
  resolveCharterAnchor,
  writeCharterContent,
} from "@entente/editor";
import * as Y from "yjs";
import { beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";
import { changeDocument } from "../../test/document-writes.js";
import { EventStreamReader } from "../../test/event-stream-reader.js";

const doc = (...nodes: unknown[]) => ({
  type: "doc",
  content: [{ type: "paragraph", content: nodes }],
});
const text = (value: string) => doc({ type: "text", text: value });
const mentionOf = (user: { id: string }) => ({
  type: "mention",
  attrs: { id: user.id, kind: "user", label: "" },
});

describe("comment routes", () => {
  const ctx = usePartnershipHarness();
  let charter: string;

  beforeEach(async () => {
    charter = `${ctx.cast.partnershipId}/charter`;
    await changeDocument(ctx.harness.store, charter, (d) =>
      writeCharterContent(d, {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "We share the risk." }] }],
      }),
    );
  });

  const threads = (pid = ctx.cast.partnershipId) => `/api/partnerships/${pid}/comment-threads`;
  const openThread = (user: TestUser, body: unknown, pid = ctx.cast.partnershipId) =>
    ctx.harness.request("POST", threads(pid), { cookie: user.cookie, body });
  const anchorOn = async (from: number, to: number) => {
    const current = await ctx.harness.services.documents.readDocument(charter);
    try {
      return charterAnchorFromTextRange(current, from, to);
    } finally {
      current.destroy();
    }
  };
  const onAction = (user: TestUser, id = "action1", body = text("Who owns this?")) =>
    openThread(user, { target: { kind: "action", id }, body });

  it("anchors a thread on a charter range that survives a partner's concurrent edit", async () => {
    const anchor = await anchorOn(3, 12); // "share the"
    expect(anchor.quote).toBe("share the");
    const created = await openThread(ctx.cast.north.editor, {
      target: { kind: "charter", anchor },
      body: text("Which risks exactly?"),
      author: "forged",
    });
    expect(created.status).toBe(201);
    expect(created.body.thread).toMatchObject({
      partnershipId: ctx.cast.partnershipId,
      target: { kind: "charter", anchor },
      status: "open",
      resolvedBy: null,
      comments: [
        {
          author: {
            id: ctx.cast.north.editor.id,
            name: "North Editor",
            organizationId: ctx.cast.north.id,
          },
          body: text("Which risks exactly?"),
        },
      ],
    });

    // Southpeak, meanwhile, typed before the range (the edit lands in the stored log).
    await changeDocument(ctx.harness.store, charter, (d) => {
      const paragraph = d.getXmlFragment("default").get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, "Together, ");
    });
    const read = await ctx.harness.request(
      "GET",
      `/api/comment-threads/${created.body.thread.id}`,
      {
        cookie: ctx.cast.south.viewer.cookie,
      },
    );
    expect(read.status).toBe(200);
    const now = await ctx.harness.services.documents.readDocument(charter);
    try {
      expect(resolveCharterAnchor(now, read.body.thread.target.anchor)).toEqual({
        from: 13,
        to: 22,
        text: "share the",
      });
    } finally {
      now.destroy();
    }
  });

  it("quotes the charter's text at the anchor, whatever quote the client sends", async () => {
    const anchor = await anchorOn(3, 12); // "share the"
    const forged = await openThread(ctx.cast.south.editor, {
      target: { kind: "charter", anchor: { ...anchor, quote: "Northwind pays everything" } },
      body: text("As agreed?"),
    });
    expect(forged.status).toBe(201);
    expect(forged.body.thread.target.anchor.quote).toBe("share the");
    const withoutQuote = await openThread(ctx.cast.south.editor, {
      target: { kind: "charter", anchor: { start: anchor.start, end: anchor.end } },
      body: text("Still?"),
    });
    expect(withoutQuote.status).toBe(201);
    expect(withoutQuote.body.thread.target.anchor.quote).toBe("share the");
  });

  it("refuses anchors that do not point into this charter, and malformed targets", async () => {
    const elsewhere = new Y.Doc();
    writeCharterContent(elsewhere, {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Other text" }] }],
    });
    const foreign = charterAnchorFromTextRange(elsewhere, 0, 5);
    elsewhere.destroy();
    const refused = await openThread(ctx.cast.north.editor, {
      target: { kind: "charter", anchor: foreign },
      body: text("?"),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("invalid_anchor");

    for (const target of [
      { kind: "charter", anchor: { start: "%%", end: "AA==", quote: "x" } },
      { kind: "charter" },
      { kind: "meeting", id: "m1" },
      { kind: "action", id: "not/an/id" },
    ]) {
      const bad = await openThread(ctx.cast.north.editor, { target, body: text("?") });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("invalid_input");
    }
    expect((await onAction(ctx.cast.north.editor, "a1", doc())).status).toBe(400);
    const listed = await ctx.harness.request("GET", `${threads()}?status=all`, {
      cookie: ctx.cast.north.admin.cookie,
    });
    expect(listed.body.threads).toEqual([]);
  });

  it("threads on items: replies, resolve and reopen, and lists by status", async () => {
    const kinds = ["objective", "action", "kpi", "issue", "decision", "contribution", "constraint"];
    const ids: string[] = [];
    for (const kind of kinds) {
      const created = await openThread(ctx.cast.south.editor, {
        target: { kind, id: `${kind}1` },
        body: text(`On the ${kind}`),
      });
      expect(created.status).toBe(201);
      expect(created.body.thread.target).toEqual({ kind, id: `${kind}1` });
      ids.push(created.body.thread.id);
    }
    const actionThread = ids[1]!;

    const replied = await ctx.harness.request(
      "POST",
      `/api/comment-threads/${actionThread}/comments`,
      {
        cookie: ctx.cast.north.admin.cookie,
        body: { body: text("Ours.") },
      },
    );
    expect(replied.status).toBe(201);
    expect(replied.body.comment).toMatchObject({
      threadId: actionThread,
      author: { id: ctx.cast.north.admin.id, organizationId: ctx.cast.north.id },
      body: text("Ours."),
    });

    const resolve = (user: TestUser, action: "resolve" | "reopen") =>
      ctx.harness.request("POST", `/api/comment-threads/${actionThread}/${action}`, {
        cookie: user.cookie,
      });
    const resolved = await resolve(ctx.cast.north.editor, "resolve");
    expect(resolved.status).toBe(200);
    expect(resolved.body.thread).toMatchObject({
      status: "resolved",
      resolvedBy: { id: ctx.cast.north.editor.id, name: "North Editor" },
    });
    expect(resolved.body.thread.comments).toHaveLength(2);
    expect((await resolve(ctx.cast.north.editor, "resolve")).body.thread.status).toBe("resolved");

    const list = async (query: string) => {
      const response = await ctx.harness.request("GET", `${threads()}${query}`, {
        cookie: ctx.cast.south.viewer.cookie,
      });
      expect(response.status).toBe(200);
      return response.body;
    };
    expect((await list("")).threads).toHaveLength(6);
    expect((await list("?status=resolved")).threads.map((t: any) => t.id)).toEqual([actionThread]);
    expect((await list("?status=all")).threads).toHaveLength(7);
    expect((await list("?status=all&targetKind=action&targetId=action1")).threads).toHaveLength(1);
    expect((await list("?status=all&targetKind=charter")).threads).toHaveLength(0);
    const first = await list("?status=all&limit=4");
    expect(first.threads.map((t: any) => t.id)).toEqual(ids.slice(3).reverse());
    const rest = await list(`?status=all&limit=4&before=${first.nextCursor}`);
    expect(rest.threads.map((t: any) => t.id)).toEqual(ids.slice(0, 3).reverse());
    expect(rest.nextCursor).toBeNull();
    for (const bad of ["?status=closed", "?targetKind=action", "?targetId=x", "?before=x"]) {
      expect(
        (
          await ctx.harness.request("GET", `${threads()}${bad}`, {
            cookie: ctx.cast.north.admin.cookie,
          })
        ).status,
      ).toBe(400);
    }

    const reopened = await resolve(ctx.cast.south.admin, "reopen");
    expect(reopened.body.thread).toMatchObject({
      status: "open",
      resolvedBy: null,
      resolvedAt: null,
    });
    expect((await list("?status=resolved")).threads).toEqual([]);
  });

  it("lets viewers read but not write, and refuses everything to non-members", async () => {
    const thread = (await onAction(ctx.cast.north.editor)).body.thread.id as string;
    const viewer = ctx.cast.north.viewer;
    expect((await onAction(viewer)).status).toBe(403);
    for (const [method, path, body] of [
      ["POST", `/api/comment-threads/${thread}/comments`, { body: text("x") }],
      ["POST", `/api/comment-threads/${thread}/resolve`, undefined],
      ["POST", `/api/comment-threads/${thread}/reopen`, undefined],
    ] as const) {
      const denied = await ctx.harness.request(method, path, { cookie: viewer.cookie, body });
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe("forbidden");
    }
    expect(
      (
        await ctx.harness.request("GET", `/api/comment-threads/${thread}`, {
          cookie: viewer.cookie,
        })
      ).status,
    ).toBe(200);

    // Someone of another partnership: 404 everywhere, as for ids that do not exist.
    const outsider = await ctx.harness.signup("Outsider");
    const org = await ctx.harness.createOrganization(outsider, "Elsewhere");
    const otherPartnership = await ctx.harness.createPartnership(outsider, org);
    const otherThread = (await onAction(outsider, "x", text("mine"))).status;
    expect(otherThread).toBe(404);
    for (const [method, path, body] of [
      ["GET", threads(), undefined],
      ["POST", threads(), { target: { kind: "action", id: "a" }, body: text("x") }],
      ["GET", `/api/comment-threads/${thread}`, undefined],
      ["POST", `/api/comment-threads/${thread}/comments`, { body: text("x") }],
      ["POST", `/api/comment-threads/${thread}/resolve`, undefined],
      ["POST", `/api/comment-threads/${thread}/reopen`, undefined],
      ["GET", `/api/comment-threads/nosuchthread`, undefined],
    ] as const) {
      const denied = await ctx.harness.request(method, path, { cookie: outsider.cookie, body });
      expect(denied.status, `${method} ${path}`).toBe(404);
      expect(denied.body.error.code).toBe("not_found");
    }
    // …and a member of this partnership cannot reach into the outsider's.
    const theirs = await openThread(
      outsider,
      { target: { kind: "issue", id: "i" }, body: text("x") },
      otherPartnership,
    );
    expect(theirs.status).toBe(201);
    expect(
      (
        await ctx.harness.request("GET", `/api/comment-threads/${theirs.body.thread.id}`, {
          cookie: ctx.cast.north.admin.cookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await ctx.harness.request("GET", threads(otherPartnership), {
          cookie: ctx.cast.north.admin.cookie,
        })
      ).status,
    ).toBe(404);
    expect((await ctx.harness.request("GET", threads(), {})).status).toBe(401);
  });

  it("checks mentions against the partnership and notifies the mentioned and the thread's author", async () => {
    const outsider = await ctx.harness.signup("Outsider");
    const refused = await onAction(ctx.cast.north.editor, "a1", doc(mentionOf(outsider)));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: "invalid_mention",
      details: [{ id: outsider.id, kind: "user" }],
    });
    const all = await ctx.harness.request("GET", `${threads()}?status=all`, {
      cookie: ctx.cast.north.admin.cookie,
    });
    expect(all.body.threads).toEqual([]);

    const created = await onAction(
      ctx.cast.north.editor,
      "a1",
      doc(mentionOf(ctx.cast.south.viewer), { type: "text", text: " please check" }),
    );
    expect(created.status).toBe(201);
    const thread = created.body.thread;
    expect(thread.comments[0].body.content[0].content[0].attrs.label).toBe("South Viewer");

    const notifications = async (user: TestUser) =>
      (await ctx.harness.request("GET", "/api/notifications", { cookie: user.cookie })).body;
    const mentioned = await notifications(ctx.cast.south.viewer);
    expect(mentioned.unread).toBe(1);
    expect(mentioned.notifications[0]).not.toHaveProperty("postId");
    expect(mentioned.notifications[0]).toMatchObject({
      kind: "mention",
      partnershipId: ctx.cast.partnershipId,
      threadId: thread.id,
      commentId: thread.comments[0].id,
      actor: { id: ctx.cast.north.editor.id, organizationId: ctx.cast.north.id },
    });

    const reply = await ctx.harness.request("POST", `/api/comment-threads/${thread.id}/comments`, {
      cookie: ctx.cast.south.admin.cookie,
      body: { body: doc(mentionOf(outsider)) },
    });
    expect(reply.status).toBe(422);
    const answered = await ctx.harness.request(
      "POST",
      `/api/comment-threads/${thread.id}/comments`,
      {
        cookie: ctx.cast.south.admin.cookie,
        body: { body: text("Done") },
      },
    );
    const author = await notifications(ctx.cast.north.editor);
    expect(author.notifications).toHaveLength(1);
    expect(author.notifications[0]).toMatchObject({
      kind: "reply",
      threadId: thread.id,
      commentId: answered.body.comment.id,
      actor: { id: ctx.cast.south.admin.id, organizationId: ctx.cast.south.id },
    });
    // Answering one's own thread notifies nobody.
    await ctx.harness.request("POST", `/api/comment-threads/${thread.id}/comments`, {
      cookie: ctx.cast.north.editor.cookie,
      body: { body: text("Thanks") },
    });
    expect((await notifications(ctx.cast.north.editor)).notifications).toHaveLength(1);
  });

  it("publishes threads, comments and status changes on the partnership's live events", async () => {
    const response = await ctx.harness.app.request(
      `/api/partnerships/${ctx.cast.partnershipId}/events`,
      {
        headers: { cookie: ctx.cast.south.viewer.cookie },
      },
    );
    const events = new EventStreamReader(response.body!);
    try {
      expect(await events.next()).toEqual({ kind: "comment", text: "connected" });
      const created = (await onAction(ctx.cast.north.editor)).body.thread;
      expect(await events.nextEvent()).toEqual({ type: "thread.created", thread: created });
      const comment = (
        await ctx.harness.request("POST", `/api/comment-threads/${created.id}/comments`, {
          cookie: ctx.cast.north.admin.cookie,
          body: { body: text("Me") },
        })
      ).body.comment;
      expect(await events.nextEvent()).toEqual({ type: "comment.created", comment });
      const resolved = await ctx.harness.request(
        "POST",
        `/api/comment-threads/${created.id}/resolve`,
        {
          cookie: ctx.cast.north.admin.cookie,
        },
      );
      expect(await events.nextEvent()).toEqual({
        type: "thread.resolved",
        thread: resolved.body.thread,
      });
      const reopened = await ctx.harness.request(
        "POST",
        `/api/comment-threads/${created.id}/reopen`,
        {
          cookie: ctx.cast.north.admin.cookie,
        },
      );
      expect(await events.nextEvent()).toEqual({
        type: "thread.reopened",
        thread: reopened.body.thread,
      });
    } finally {
      await events.close();
    }
  });
});
