import { beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

const text = (value: string) => ({ type: "text", text: value });
const mention = (id: string, kind: "user" | "organization", label = "whoever") => ({
  type: "mention",
  attrs: { id, kind, label },
});
/** A one-paragraph Tiptap document. */
const doc = (...nodes: unknown[]) => ({
  type: "doc",
  content: [{ type: "paragraph", content: nodes }],
});

function errorOf(code: string) {
  return { error: expect.objectContaining({ code, message: expect.any(String) }) };
}

describe("updates feed routes", () => {
  const ctx = usePartnershipHarness();
  let feed: string;

  beforeEach(() => {
    feed = `/api/partnerships/${ctx.cast.partnershipId}/posts`;
  });

  const createPost = (user: TestUser | undefined, body: Record<string, unknown> = {}) =>
    ctx.harness.request("POST", feed, {
      cookie: user?.cookie,
      body: {
        title: "Pilot started",
        body: doc(text("First trucks left.")),
        tag: "success",
        ...body,
      },
    });

  const post = async (user: TestUser, body: Record<string, unknown> = {}) => {
    const response = await createPost(user, body);
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body.post;
  };

  const list = (user: TestUser, query = "") =>
    ctx.harness.request("GET", `${feed}${query}`, { cookie: user.cookie });

  const reply = (user: TestUser, postId: string, body: unknown = doc(text("Great news."))) =>
    ctx.harness.request("POST", `/api/posts/${postId}/replies`, {
      cookie: user.cookie,
      body: { body },
    });

  const notifications = async (user: TestUser) =>
    (await ctx.harness.request("GET", "/api/notifications", { cookie: user.cookie })).body;

  const rowCount = async (table: "posts" | "replies" | "reactions" | "notifications") =>
    (await ctx.harness.store.db.selectFrom(table).selectAll().execute()).length;

  /** A partnership of their own that the cast's members are not in. */
  const otherPartnership = async () => {
    const owner = await ctx.harness.signup("Eve East");
    const org = await ctx.harness.createOrganization(owner, "Eastgate");
    const id = await ctx.harness.createPartnership(owner, org, "East alone");
    return { owner, org, id };
  };

  describe("posting", () => {
    it("stamps author, organization and time from the session, whatever the body says", async () => {
      const response = await createPost(ctx.cast.south.editor, {
        author: { id: ctx.cast.north.admin.id, name: "Forged", organizationId: ctx.cast.north.id },
        authorUserId: ctx.cast.north.admin.id,
        organizationId: ctx.cast.north.id,
        createdAt: "2001-01-01T00:00:00.000Z",
        links: [{ kind: "objective", id: "obj1" }],
      });

      expect(response.status).toBe(201);
      expect(response.body.post).toEqual({
        id: expect.any(String),
        partnershipId: ctx.cast.partnershipId,
        author: {
          id: ctx.cast.south.editor.id,
          name: "South Editor",
          organizationId: ctx.cast.south.id,
        },
        title: "Pilot started",
        body: doc(text("First trucks left.")),
        tag: "success",
        links: [{ kind: "objective", id: "obj1" }],
        createdAt: expect.any(String),
        editedAt: null,
        deletedAt: null,
        replyCount: 0,
        reactions: [],
        seenBy: { organizations: [] },
      });
      expect(Date.now() - Date.parse(response.body.post.createdAt)).toBeLessThan(60_000);
      const listed = await list(ctx.cast.north.viewer);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ posts: [response.body.post], nextCursor: null });
    });

    it("lets viewers read but not post (403), and non-members nothing at all (404)", async () => {
      await post(ctx.cast.north.editor);
      const viewer = await createPost(ctx.cast.north.viewer);
      expect(viewer.status).toBe(403);
      expect(viewer.body).toEqual(errorOf("forbidden"));
      expect((await createPost(ctx.cast.south.viewer)).status).toBe(403);
      expect((await list(ctx.cast.south.viewer)).body.posts).toHaveLength(1);

      const outsider = await ctx.harness.signup("Outsider");
      expect((await createPost(outsider)).status).toBe(404);
      expect((await list(outsider)).status).toBe(404);
      expect((await list(outsider)).body).toEqual(errorOf("not_found"));
      expect((await createPost(undefined)).status).toBe(401);
      expect(await rowCount("posts")).toBe(1);
    });

    it("keeps a member of one partnership out of another: read, post, reply, react, see", async () => {
      const east = await otherPartnership();
      const eastPost = (
        await ctx.harness.request("POST", `/api/partnerships/${east.id}/posts`, {
          cookie: east.owner.cookie,
          body: { title: "Ours", body: doc(text("Private to East.")), tag: "information" },
        })
      ).body.post;
      const intruder = ctx.cast.north.admin;

      const attempts = [
        await ctx.harness.request("GET", `/api/partnerships/${east.id}/posts`, {
          cookie: intruder.cookie,
        }),
        await ctx.harness.request("POST", `/api/partnerships/${east.id}/posts`, {
          cookie: intruder.cookie,
          body: { title: "Hi", body: doc(text("x")), tag: "request" },
        }),
        await ctx.harness.request("GET", `/api/posts/${eastPost.id}`, { cookie: intruder.cookie }),
        await reply(intruder, eastPost.id),
        await ctx.harness.request("PUT", `/api/posts/${eastPost.id}/reaction`, {
          cookie: intruder.cookie,
          body: { reaction: "heart" },
        }),
        await ctx.harness.request("POST", `/api/posts/${eastPost.id}/seen`, {
          cookie: intruder.cookie,
        }),
        await ctx.harness.request("GET", `/api/partnerships/${east.id}/events`, {
          cookie: intruder.cookie,
        }),
      ];
      for (const attempt of attempts) {
        expect(attempt.status).toBe(404);
        expect(attempt.body).toEqual(errorOf("not_found"));
      }
      // The same answer as for a post that does not exist: nothing to learn.
      const missing = await ctx.harness.request("GET", "/api/posts/nosuchpost", {
        cookie: intruder.cookie,
      });
      expect(missing.body).toEqual(attempts[2]!.body);
      expect(await rowCount("replies")).toBe(0);
      expect(await rowCount("reactions")).toBe(0);
    });

    it("refuses malformed posts with 400 and stores nothing", async () => {
      const deep = (levels: number): unknown =>
        levels === 0
          ? { type: "paragraph", content: [text("deep")] }
          : { type: "blockquote", content: [deep(levels - 1)] };
      const bad: Record<string, unknown>[] = [
        { title: "" },
        { title: "x".repeat(201) },
        { tag: "gossip" },
        { body: "plain text" },
        { body: { type: "paragraph", content: [] } },
        { body: { type: "doc", content: [{ type: "script", content: [] }] } },
        { body: { type: "doc", content: [deep(20)] } },
        { body: doc({ type: "text", text: "x".repeat(20_001) }) },
        {
          body: doc({
            type: "text",
            text: "click",
            marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
          }),
        },
        { body: doc({ type: "mention", attrs: { id: ctx.cast.north.editor.id } }) },
        { body: doc({ type: "text", text: "x", onclick: "steal()" }) },
        { links: [{ kind: "spreadsheet", id: "a" }] },
        { links: [{ kind: "kpi", id: "../x" }] },
      ];
      for (const body of bad) {
        const response = await createPost(ctx.cast.north.editor, body);
        expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(response.body).toEqual(errorOf("invalid_input"));
      }
      expect(await rowCount("posts")).toBe(0);
    });
  });

  describe("mentions", () => {
    it("relabels mentions from the server's data, never the client's", async () => {
      const created = await post(ctx.cast.north.editor, {
        body: doc(
          text("Thanks "),
          mention(ctx.cast.south.admin.id, "user", "Mallory"),
          text(" and "),
          mention(ctx.cast.south.id, "organization", "Evil Corp"),
        ),
      });
      expect(created.body).toEqual(
        doc(
          text("Thanks "),
          mention(ctx.cast.south.admin.id, "user", "South Admin"),
          text(" and "),
          mention(ctx.cast.south.id, "organization", "Southpeak"),
        ),
      );
    });

    it("refuses (422 invalid_mention) a mention of anyone outside this partnership", async () => {
      const east = await otherPartnership();
      for (const [id, kind] of [
        [east.owner.id, "user"],
        [east.org, "organization"],
        ["nosuchuser", "user"],
      ] as const) {
        const response = await createPost(ctx.cast.north.editor, {
          body: doc(text("Hey "), mention(id, kind)),
        });
        expect(response.status).toBe(422);
        expect(response.body).toEqual(errorOf("invalid_mention"));
        expect(response.body.error.details).toEqual([{ id, kind }]);
      }
      const target = await post(ctx.cast.north.editor);
      const inReply = await reply(
        ctx.cast.south.editor,
        target.id,
        doc(mention(east.owner.id, "user")),
      );
      expect(inReply.status).toBe(422);
      expect(await rowCount("posts")).toBe(1);
      expect(await rowCount("replies")).toBe(0);
      expect(await rowCount("notifications")).toBe(0);
    });

    it("notifies a mentioned member, and every member of a mentioned organization in this partnership", async () => {
      // A Southpeak employee who is not in this partnership is not reached through @Southpeak.
      const bystander = await ctx.harness.signup("South Bystander");
      await ctx.harness.store.db
        .insertInto("organization_members")
        .values({ organization_id: ctx.cast.south.id, user_id: bystander.id, role: "editor" })
        .execute();

      const created = await post(ctx.cast.north.editor, {
        body: doc(
          mention(ctx.cast.north.viewer.id, "user"),
          text(" and "),
          mention(ctx.cast.south.id, "organization"),
          mention(ctx.cast.north.editor.id, "user"),
        ),
      });

      const kindsOf = async (user: TestUser) =>
        (await notifications(user)).notifications.map((n: any) => n.kind);
      expect(await kindsOf(ctx.cast.north.viewer)).toEqual(["mention"]);
      for (const member of [ctx.cast.south.admin, ctx.cast.south.editor, ctx.cast.south.viewer]) {
        expect(await kindsOf(member)).toEqual(["organization_mention"]);
      }
      expect(await kindsOf(ctx.cast.north.admin)).toEqual([]);
      expect(await kindsOf(ctx.cast.north.editor)).toEqual([]); // not for mentioning oneself
      expect(await kindsOf(bystander)).toEqual([]);

      const [notification] = (await notifications(ctx.cast.south.viewer)).notifications;
      expect(notification).toEqual({
        id: expect.any(String),
        kind: "organization_mention",
        partnershipId: ctx.cast.partnershipId,
        postId: created.id,
        postTitle: "Pilot started",
        replyId: null,
        actor: {
          id: ctx.cast.north.editor.id,
          name: "North Editor",
          organizationId: ctx.cast.north.id,
        },
        createdAt: expect.any(String),
        readAt: null,
      });
    });

    it("notifies only people an edit newly mentions", async () => {
      const created = await post(ctx.cast.north.editor, {
        body: doc(mention(ctx.cast.south.admin.id, "user")),
      });
      const edited = await ctx.harness.request("PATCH", `/api/posts/${created.id}`, {
        cookie: ctx.cast.north.editor.cookie,
        body: {
          body: doc(
            mention(ctx.cast.south.admin.id, "user"),
            mention(ctx.cast.south.editor.id, "user"),
          ),
        },
      });
      expect(edited.status).toBe(200);
      expect((await notifications(ctx.cast.south.admin)).notifications).toHaveLength(1);
      expect((await notifications(ctx.cast.south.editor)).notifications).toHaveLength(1);
    });
  });

  describe("listing", () => {
    it("pages newest first with a cursor", async () => {
      const titles = ["one", "two", "three", "four", "five"];
      for (const title of titles) await post(ctx.cast.north.editor, { title });

      const seen: string[] = [];
      let cursor: string | null = null;
      const pages: number[] = [];
      do {
        const query: string = `?limit=2${cursor ? `&before=${encodeURIComponent(cursor)}` : ""}`;
        const response = await list(ctx.cast.south.viewer, query);
        expect(response.status).toBe(200);
        seen.push(...response.body.posts.map((p: any) => p.title));
        pages.push(response.body.posts.length);
        cursor = response.body.nextCursor;
      } while (cursor);

      expect(seen).toEqual(["five", "four", "three", "two", "one"]);
      expect(pages).toEqual([2, 2, 1]);
      expect((await list(ctx.cast.south.viewer)).body.posts.map((p: any) => p.title)).toEqual(seen);
      for (const query of [
        "?limit=0",
        "?limit=51",
        "?limit=x",
        "?before=nonsense",
        "?before=1.a/b",
      ]) {
        expect((await list(ctx.cast.south.viewer, query)).status, query).toBe(400);
      }
    });

    it("searches titles, bodies and replies, whatever the case, and finds % literally", async () => {
      const byTitle = await post(ctx.cast.north.editor, { title: "Écoles partenaires" });
      const byBody = await post(ctx.cast.north.editor, {
        title: "Update",
        body: doc(text("Cold chain reached 95% uptime")),
      });
      const byReply = await post(ctx.cast.south.editor, { title: "Question" });
      await reply(ctx.cast.north.admin, byReply.id, doc(text("The ÉCOLES pilot answers it")));
      await post(ctx.cast.south.editor, { title: "Unrelated", body: doc(text("95 trucks")) });

      const search = async (q: string) =>
        (await list(ctx.cast.north.viewer, `?q=${encodeURIComponent(q)}`)).body.posts.map(
          (p: any) => p.id,
        );
      expect(await search("écoles")).toEqual([byReply.id, byTitle.id]);
      expect(await search("COLD CHAIN")).toEqual([byBody.id]);
      expect(await search("95%")).toEqual([byBody.id]);
      expect(await search("nothing like this")).toEqual([]);
      expect((await search("  ")).length).toBe(4);
    });
  });

  describe("threads", () => {
    it("shows a post with its replies oldest first, and tells the post's author", async () => {
      const created = await post(ctx.cast.north.editor);
      const first = await reply(ctx.cast.south.admin, created.id, doc(text("Congrats")));
      expect(first.status).toBe(201);
      expect(first.body.reply).toEqual({
        id: expect.any(String),
        postId: created.id,
        author: {
          id: ctx.cast.south.admin.id,
          name: "South Admin",
          organizationId: ctx.cast.south.id,
        },
        body: doc(text("Congrats")),
        createdAt: expect.any(String),
        editedAt: null,
        deletedAt: null,
        reactions: [],
      });
      await reply(ctx.cast.north.editor, created.id, doc(text("Thanks!")));

      const thread = await ctx.harness.request("GET", `/api/posts/${created.id}`, {
        cookie: ctx.cast.south.viewer.cookie,
      });
      expect(thread.status).toBe(200);
      expect(thread.body.post.replyCount).toBe(2);
      expect(thread.body.replies.map((r: any) => r.author.name)).toEqual([
        "South Admin",
        "North Editor",
      ]);
      // The author is told about South's reply, not about their own.
      const told = (await notifications(ctx.cast.north.editor)).notifications;
      expect(told.map((n: any) => [n.kind, n.actor.id, n.replyId])).toEqual([
        ["reply", ctx.cast.south.admin.id, first.body.reply.id],
      ]);
    });

    it("refuses replies from viewers and empty replies", async () => {
      const created = await post(ctx.cast.north.editor);
      expect((await reply(ctx.cast.south.viewer, created.id)).status).toBe(403);
      const empty = await reply(ctx.cast.south.editor, created.id, { type: "doc", content: [] });
      expect(empty.status).toBe(400);
      expect((await reply(ctx.cast.south.editor, "nosuchpost")).status).toBe(404);
      expect(await rowCount("replies")).toBe(0);
    });
  });

  describe("editing and deleting", () => {
    it("lets the author edit (marked edited) and nobody else, admins included", async () => {
      const created = await post(ctx.cast.north.editor);
      const edit = (user: TestUser, body: unknown) =>
        ctx.harness.request("PATCH", `/api/posts/${created.id}`, { cookie: user.cookie, body });

      for (const other of [ctx.cast.north.admin, ctx.cast.south.admin, ctx.cast.south.editor]) {
        const refused = await edit(other, { title: "Hijacked" });
        expect(refused.status).toBe(403);
        expect(refused.body).toEqual(errorOf("forbidden"));
      }
      expect((await edit(ctx.cast.north.editor, {})).status).toBe(400);

      const edited = await edit(ctx.cast.north.editor, {
        title: "Pilot started (3 sites)",
        tag: "information",
      });
      expect(edited.status).toBe(200);
      expect(edited.body.post).toMatchObject({
        title: "Pilot started (3 sites)",
        tag: "information",
        body: created.body,
        editedAt: expect.any(String),
        createdAt: created.createdAt,
      });
      expect((await list(ctx.cast.south.viewer)).body.posts[0].editedAt).toBe(
        edited.body.post.editedAt,
      );
    });

    it("lets only the author delete; the thread then shows the post as deleted", async () => {
      const created = await post(ctx.cast.north.editor, {
        body: doc(mention(ctx.cast.south.admin.id, "user")),
      });
      await reply(ctx.cast.south.editor, created.id);
      const remove = (user: TestUser) =>
        ctx.harness.request("DELETE", `/api/posts/${created.id}`, { cookie: user.cookie });

      expect((await remove(ctx.cast.north.admin)).status).toBe(403);
      expect((await remove(ctx.cast.south.editor)).status).toBe(403);
      expect((await notifications(ctx.cast.south.admin)).unread).toBe(1);
      expect((await remove(ctx.cast.north.editor)).status).toBe(204);

      const thread = await ctx.harness.request("GET", `/api/posts/${created.id}`, {
        cookie: ctx.cast.south.viewer.cookie,
      });
      expect(thread.body.post).toMatchObject({
        title: "",
        body: null,
        links: [],
        deletedAt: expect.any(String),
      });
      expect(thread.body.replies).toHaveLength(1);
      // A tombstone stays in the feed while its thread has replies; its text is gone everywhere.
      expect((await list(ctx.cast.south.viewer)).body.posts.map((p: any) => p.id)).toEqual([
        created.id,
      ]);
      expect((await list(ctx.cast.south.viewer, "?q=pilot")).body.posts).toEqual([]);
      expect(await notifications(ctx.cast.south.admin)).toMatchObject({
        notifications: [],
        unread: 0,
      });
      expect((await reply(ctx.cast.south.editor, created.id)).status).toBe(409);
      expect((await remove(ctx.cast.north.editor)).status).toBe(409);

      const lonely = await post(ctx.cast.north.editor, { title: "Alone" });
      await ctx.harness.request("DELETE", `/api/posts/${lonely.id}`, {
        cookie: ctx.cast.north.editor.cookie,
      });
      expect((await list(ctx.cast.south.viewer)).body.posts.map((p: any) => p.title)).toEqual([""]);
    });

    it("lets the author edit and delete a reply, and nobody else", async () => {
      const created = await post(ctx.cast.north.editor);
      const replyId = (await reply(ctx.cast.south.editor, created.id)).body.reply.id;
      const path = `/api/replies/${replyId}`;

      expect(
        (
          await ctx.harness.request("PATCH", path, {
            cookie: ctx.cast.north.editor.cookie,
            body: { body: doc(text("no")) },
          })
        ).status,
      ).toBe(403);
      expect(
        (await ctx.harness.request("DELETE", path, { cookie: ctx.cast.south.admin.cookie })).status,
      ).toBe(403);

      const edited = await ctx.harness.request("PATCH", path, {
        cookie: ctx.cast.south.editor.cookie,
        body: { body: doc(text("Great news, truly.")) },
      });
      expect(edited.status).toBe(200);
      expect(edited.body.reply).toMatchObject({
        body: doc(text("Great news, truly.")),
        editedAt: expect.any(String),
      });

      expect(
        (await ctx.harness.request("DELETE", path, { cookie: ctx.cast.south.editor.cookie }))
          .status,
      ).toBe(204);
      const thread = await ctx.harness.request("GET", `/api/posts/${created.id}`, {
        cookie: ctx.cast.north.viewer.cookie,
      });
      expect(thread.body.post.replyCount).toBe(0);
      expect(thread.body.replies).toEqual([
        expect.objectContaining({ id: replyId, body: null, deletedAt: expect.any(String) }),
      ]);
      expect(
        (await ctx.harness.request("GET", path, { cookie: ctx.cast.south.editor.cookie })).status,
      ).toBe(404);
    });
  });

  describe("reactions", () => {
    it("keeps one reaction per member per post or reply, replaced and removed by its owner", async () => {
      const created = await post(ctx.cast.north.editor);
      const replyId = (await reply(ctx.cast.south.editor, created.id)).body.reply.id;
      const react = (user: TestUser, path: string, reaction?: string) =>
        ctx.harness.request(reaction ? "PUT" : "DELETE", `${path}/reaction`, {
          cookie: user.cookie,
          ...(reaction ? { body: { reaction } } : {}),
        });
      const onPost = `/api/posts/${created.id}`;

      expect((await react(ctx.cast.south.admin, onPost, "heart")).body.reactions).toEqual([
        { name: "heart", count: 1, userIds: [ctx.cast.south.admin.id] },
      ]);
      await react(ctx.cast.north.admin, onPost, "heart");
      const replaced = await react(ctx.cast.south.admin, onPost, "tada");
      expect(replaced.status).toBe(200);
      expect(replaced.body.reactions).toEqual([
        { name: "heart", count: 1, userIds: [ctx.cast.north.admin.id] },
        { name: "tada", count: 1, userIds: [ctx.cast.south.admin.id] },
      ]);
      expect((await react(ctx.cast.north.admin, onPost)).body.reactions).toEqual([
        { name: "tada", count: 1, userIds: [ctx.cast.south.admin.id] },
      ]);

      const onReply = await react(ctx.cast.north.editor, `/api/replies/${replyId}`, "pray");
      expect(onReply.body.reactions).toEqual([
        { name: "pray", count: 1, userIds: [ctx.cast.north.editor.id] },
      ]);
      const thread = (
        await ctx.harness.request("GET", onPost, { cookie: ctx.cast.north.viewer.cookie })
      ).body;
      expect(thread.post.reactions).toEqual(replaced.body.reactions.slice(1));
      expect(thread.replies[0].reactions).toEqual(onReply.body.reactions);

      expect((await react(ctx.cast.north.viewer, onPost, "heart")).status).toBe(403);
      expect((await react(ctx.cast.north.admin, onPost, "🔥")).status).toBe(400);
      expect(await rowCount("reactions")).toBe(2);
    });
  });

  describe("seen by", () => {
    it("records who read a post, by organization in partnership order, the first time only", async () => {
      const created = await post(ctx.cast.north.editor);
      const see = (user: TestUser) =>
        ctx.harness.request("POST", `/api/posts/${created.id}/seen`, { cookie: user.cookie });

      const first = await see(ctx.cast.south.viewer);
      expect(first.status).toBe(200);
      expect(first.body.seenBy).toEqual({
        organizations: [
          {
            id: ctx.cast.south.id,
            name: "Southpeak",
            members: [
              { id: ctx.cast.south.viewer.id, name: "South Viewer", seenAt: expect.any(String) },
            ],
          },
        ],
      });
      await see(ctx.cast.north.admin);
      const again = await see(ctx.cast.south.viewer);
      expect(again.body.seenBy.organizations.map((o: any) => o.name)).toEqual([
        "Northwind",
        "Southpeak",
      ]);
      expect(again.body.seenBy.organizations[1].members).toEqual(
        first.body.seenBy.organizations[0].members,
      );
      expect((await list(ctx.cast.north.editor)).body.posts[0].seenBy).toEqual(again.body.seenBy);
    });
  });
});
