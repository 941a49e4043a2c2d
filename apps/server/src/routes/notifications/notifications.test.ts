import { afterEach, describe, expect, it, vi } from "vitest";
import { EventStreamReader } from "../../test/event-stream-reader.js";
import { HEARTBEAT_MS } from "../../live-events/event-stream.js";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

const doc = (...nodes: unknown[]) => ({
  type: "doc",
  content: [{ type: "paragraph", content: nodes }],
});
const mentionOf = (user: TestUser) => ({
  type: "mention",
  attrs: { id: user.id, kind: "user", label: "" },
});

describe("notification routes", () => {
  const ctx = usePartnershipHarness();

  afterEach(() => {
    vi.useRealTimers();
  });

  const mention = async (author: TestUser, who: TestUser, title: string) => {
    const response = await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/posts`,
      {
        cookie: author.cookie,
        body: { title, body: doc(mentionOf(who)), tag: "request" },
      },
    );
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body.post.id as string;
  };

  const get = (user: TestUser | undefined, query = "") =>
    ctx.harness.request("GET", `/api/notifications${query}`, { cookie: user?.cookie });

  it("lists the caller's notifications newest first, pages them, and counts the unread", async () => {
    for (const title of ["a", "b", "c"])
      await mention(ctx.cast.south.editor, ctx.cast.north.viewer, title);

    const first = await get(ctx.cast.north.viewer, "?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.unread).toBe(3);
    expect(first.body.notifications.map((n: any) => n.postTitle)).toEqual(["c", "b"]);
    const rest = await get(ctx.cast.north.viewer, `?limit=2&before=${first.body.nextCursor}`);
    expect(rest.body.notifications.map((n: any) => n.postTitle)).toEqual(["a"]);
    expect(rest.body.nextCursor).toBeNull();

    expect(await get(ctx.cast.north.admin).then((r) => r.body)).toEqual({
      notifications: [],
      unread: 0,
      nextCursor: null,
    });
    expect((await get(undefined)).status).toBe(401);
    expect((await get(ctx.cast.north.viewer, "?before=x")).status).toBe(400);
  });

  it("marks one read, or all, and never someone else's", async () => {
    await mention(ctx.cast.south.editor, ctx.cast.north.viewer, "a");
    await mention(ctx.cast.south.editor, ctx.cast.north.viewer, "b");
    const [newest] = (await get(ctx.cast.north.viewer)).body.notifications;
    const read = (user: TestUser, id: string) =>
      ctx.harness.request("POST", `/api/notifications/${id}/read`, { cookie: user.cookie });

    const others = await read(ctx.cast.north.admin, newest.id);
    expect(others.status).toBe(404);
    expect(others.body.error.code).toBe("not_found");
    expect((await read(ctx.cast.north.viewer, "nosuchnotification")).status).toBe(404);

    const marked = await read(ctx.cast.north.viewer, newest.id);
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ unread: 1 });
    expect((await read(ctx.cast.north.viewer, newest.id)).body).toEqual({ unread: 1 });
    const listed = (await get(ctx.cast.north.viewer)).body.notifications;
    expect(listed.map((n: any) => n.readAt === null)).toEqual([false, true]);

    const all = await ctx.harness.request("POST", "/api/notifications/read-all", {
      cookie: ctx.cast.north.viewer.cookie,
    });
    expect(all.body).toEqual({ unread: 0 });
    expect((await get(ctx.cast.north.viewer)).body.unread).toBe(0);
  });

  it("hides a partnership's notifications from someone who left it", async () => {
    await mention(ctx.cast.south.editor, ctx.cast.north.viewer, "a");
    expect((await get(ctx.cast.north.viewer)).body.unread).toBe(1);
    await ctx.harness.request(
      "DELETE",
      `/api/partnerships/${ctx.cast.partnershipId}/members/${ctx.cast.north.viewer.id}`,
      {
        cookie: ctx.cast.north.viewer.cookie,
      },
    );
    expect((await get(ctx.cast.north.viewer)).body).toEqual({
      notifications: [],
      unread: 0,
      nextCursor: null,
    });
  });

  describe("filters", () => {
    /**
     * North's editor is told of things in two partnerships: in the cast's, two mentions and a
     * reply from Southpeak; in a second one of Northwind's alone, a mention from its admin.
     */
    const twoPartnerships = async () => {
      const reader = ctx.cast.north.editor;
      const second = await ctx.harness.createPartnership(
        ctx.cast.north.admin,
        ctx.cast.north.id,
        "North only",
      );
      const joined = await ctx.harness.accept(
        reader,
        await ctx.harness.invite(ctx.cast.north.admin, second, { kind: "member", role: "editor" }),
      );
      expect(joined.status).toBe(200);
      await mention(ctx.cast.south.editor, reader, "first");
      await mention(ctx.cast.south.editor, reader, "second");
      const mine = await ctx.harness.request(
        "POST",
        `/api/partnerships/${ctx.cast.partnershipId}/posts`,
        {
          cookie: reader.cookie,
          body: { title: "mine", body: doc({ type: "text", text: "news" }), tag: "information" },
        },
      );
      const replied = await ctx.harness.request("POST", `/api/posts/${mine.body.post.id}/replies`, {
        cookie: ctx.cast.south.editor.cookie,
        body: { body: doc({ type: "text", text: "thanks" }) },
      });
      expect(replied.status).toBe(201);
      const post = await ctx.harness.request("POST", `/api/partnerships/${second}/posts`, {
        cookie: ctx.cast.north.admin.cookie,
        body: { title: "elsewhere", body: doc(mentionOf(reader)), tag: "request" },
      });
      expect(post.status).toBe(201);
      return { reader, second };
    };
    const titles = (response: { body: any }) =>
      response.body.notifications.map((n: any) => `${n.kind}:${n.postTitle}`);
    const readAll = (user: TestUser, body?: unknown) =>
      ctx.harness.request("POST", "/api/notifications/read-all", { cookie: user.cookie, body });

    it("narrow the list to a partnership, to one kind or several, and count what they match", async () => {
      const { reader, second } = await twoPartnerships();

      const all = await get(reader);
      expect(titles(all)).toEqual([
        "mention:elsewhere",
        "reply:mine",
        "mention:second",
        "mention:first",
      ]);
      // Without a filter the answer is what it always was: no count of matches.
      expect(Object.keys(all.body).sort()).toEqual(["nextCursor", "notifications", "unread"]);

      const elsewhere = await get(reader, `?partnershipId=${second}`);
      expect(elsewhere.status).toBe(200);
      expect(titles(elsewhere)).toEqual(["mention:elsewhere"]);
      expect(elsewhere.body).toMatchObject({ unread: 4, unreadMatching: 1, nextCursor: null });

      expect(titles(await get(reader, "?kind=reply"))).toEqual(["reply:mine"]);
      expect(
        titles(await get(reader, `?partnershipId=${ctx.cast.partnershipId}&kind=mention`)),
      ).toEqual(["mention:second", "mention:first"]);
      expect(titles(await get(reader, "?kind=reply&kind=mention&kind=reply"))).toHaveLength(4);
      expect(titles(await get(reader, "?kind=decision_waiting"))).toEqual([]);

      // Pages of a filtered list follow the filter, without repeats, and end.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?partnershipId=${ctx.cast.partnershipId}&kind=mention&kind=reply&limit=2`;
        const response = await get(reader, cursor ? `${query}&before=${cursor}` : query);
        expect(response.body.unreadMatching).toBe(3);
        seen.push(...titles(response));
        cursor = response.body.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(["reply:mine", "mention:second", "mention:first"]);
    });

    it("mark read only what they match; the answer counts every unread notification", async () => {
      const { reader, second } = await twoPartnerships();
      const events = new EventStreamReader(
        (
          await ctx.harness.app.request("/api/notifications/events", {
            headers: { cookie: reader.cookie },
          })
        ).body!,
      );
      try {
        expect((await readAll(reader, { partnershipId: second })).body).toEqual({ unread: 3 });
        expect(await events.nextEvent()).toEqual({ type: "notifications.read", unread: 3 });
      } finally {
        await events.close();
      }
      expect((await get(reader, `?partnershipId=${second}`)).body.unreadMatching).toBe(0);
      const cast1 = `?partnershipId=${ctx.cast.partnershipId}`;
      expect((await get(reader, cast1)).body.unreadMatching).toBe(3);

      expect(
        (await readAll(reader, { partnershipId: ctx.cast.partnershipId, kind: ["reply"] })).body,
      ).toEqual({ unread: 2 });
      const left = (await get(reader, cast1)).body.notifications;
      expect(left.map((n: any) => [n.kind, n.readAt === null])).toEqual([
        ["reply", false],
        ["mention", true],
        ["mention", true],
      ]);
      expect((await readAll(reader)).body).toEqual({ unread: 0 });
    });

    it("never show or mark someone else's notifications, whatever ids are given", async () => {
      const { reader, second } = await twoPartnerships();
      const stranger = await ctx.harness.signup("Stranger");
      // Northwind's admin is in both partnerships; Southpeak's editor is in the first only.
      for (const [user, partnershipId] of [
        [ctx.cast.north.admin, second],
        [ctx.cast.north.admin, ctx.cast.partnershipId],
        [ctx.cast.south.editor, second],
        [stranger, ctx.cast.partnershipId],
      ] as const) {
        const listed = await get(user, `?partnershipId=${partnershipId}`);
        expect(listed.status).toBe(200);
        expect(listed.body.notifications.every((n: any) => n.id && n.partnershipId)).toBe(true);
        expect(listed.body.notifications.map((n: any) => n.postTitle)).not.toContain("elsewhere");
        expect(listed.body.notifications.map((n: any) => n.postTitle)).not.toContain("first");
        const marked = await readAll(user, { partnershipId, kind: ["mention", "reply"] });
        expect(marked.status).toBe(200);
      }
      expect((await get(stranger, `?partnershipId=${ctx.cast.partnershipId}`)).body).toEqual({
        notifications: [],
        unread: 0,
        unreadMatching: 0,
        nextCursor: null,
      });
      expect((await get(reader)).body.unread).toBe(4);
    });

    it("refuse what is not a filter with a 400 that names the field", async () => {
      const { reader } = await twoPartnerships();
      for (const query of [
        "?kind=nope",
        "?kind=",
        "?kind=mention&kind=everything",
        "?partnershipId=not%20an%20id",
        "?partnershipId=",
      ]) {
        const response = await get(reader, query);
        expect(response.status, query).toBe(400);
        expect(response.body.error.code).toBe("invalid_input");
      }
      expect((await get(reader, "?kind=nope")).body.error.details[0].path).toBe("kind.0");
      for (const body of [
        { kind: "mention" },
        { kind: [] },
        { kind: ["nope"] },
        { partnershipId: 42 },
      ]) {
        const response = await readAll(reader, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(response.body.error.code).toBe("invalid_input");
      }
      expect((await readAll(reader, "{")).body.error.code).toBe("invalid_json");
      expect((await get(reader)).body.unread).toBe(4);
      expect((await readAll(reader, {})).body).toEqual({ unread: 0 });
    });
  });

  describe("event stream", () => {
    const open = async (user: TestUser | undefined, path = "/api/notifications/events") => {
      const response = await ctx.harness.app.request(path, {
        headers: user ? { cookie: user.cookie } : {},
      });
      return response;
    };

    it("needs a session; streams only the caller's notifications and unread counts", async () => {
      expect((await open(undefined)).status).toBe(401);
      const response = await open(ctx.cast.north.viewer);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const events = new EventStreamReader(response.body!);
      try {
        await mention(ctx.cast.south.editor, ctx.cast.north.admin, "not for the viewer");
        await mention(ctx.cast.south.editor, ctx.cast.north.viewer, "for the viewer");
        const created = await events.nextEvent<any>();
        expect(created).toMatchObject({
          type: "notification.created",
          unread: 1,
          notification: { kind: "mention", postTitle: "for the viewer" },
        });
        await ctx.harness.request("POST", "/api/notifications/read-all", {
          cookie: ctx.cast.north.viewer.cookie,
        });
        expect(await events.nextEvent()).toEqual({ type: "notifications.read", unread: 0 });
      } finally {
        await events.close();
      }
    });

    it("sends a heartbeat comment every 25 s and ends once the session is gone", async () => {
      vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
      const subscriptions = () => ctx.harness.feedBus.subscriptionCount;
      const events = new EventStreamReader((await open(ctx.cast.north.viewer)).body!);
      expect(await events.next()).toEqual({ kind: "comment", text: "connected" });
      vi.advanceTimersByTime(HEARTBEAT_MS);
      expect(await events.next()).toEqual({ kind: "comment", text: "heartbeat" });
      expect(subscriptions()).toBe(1);

      await ctx.harness.request("POST", "/api/auth/logout", {
        cookie: ctx.cast.north.viewer.cookie,
      });
      vi.advanceTimersByTime(HEARTBEAT_MS);
      await expect(events.next()).rejects.toThrow("the stream ended");
      expect(subscriptions()).toBe(0);
    });
  });
});
