import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EventStreamReader } from "../../test/event-stream-reader.js";
import { HEARTBEAT_MS } from "../../feed/event-stream.js";
import { ApiHarness, type TestUser } from "../../test/api-harness.js";

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

const doc = (...nodes: unknown[]) => ({
  type: "doc",
  content: [{ type: "paragraph", content: nodes }],
});
const mentionOf = (user: TestUser) => ({
  type: "mention",
  attrs: { id: user.id, kind: "user", label: "" },
});

describe("notification routes", () => {
  let harness: ApiHarness;
  let cast: Cast;

  beforeEach(async () => {
    harness = await ApiHarness.create();
    cast = await harness.twoOrganizationPartnership();
  });

  afterEach(async () => {
    vi.useRealTimers();
    await harness.close();
  });

  const mention = async (author: TestUser, who: TestUser, title: string) => {
    const response = await harness.request(
      "POST",
      `/api/partnerships/${cast.partnershipId}/posts`,
      {
        cookie: author.cookie,
        body: { title, body: doc(mentionOf(who)), tag: "request" },
      },
    );
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body.post.id as string;
  };

  const get = (user: TestUser | undefined, query = "") =>
    harness.request("GET", `/api/notifications${query}`, { cookie: user?.cookie });

  it("lists the caller's notifications newest first, pages them, and counts the unread", async () => {
    for (const title of ["a", "b", "c"]) await mention(cast.south.editor, cast.north.viewer, title);

    const first = await get(cast.north.viewer, "?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.unread).toBe(3);
    expect(first.body.notifications.map((n: any) => n.postTitle)).toEqual(["c", "b"]);
    const rest = await get(cast.north.viewer, `?limit=2&before=${first.body.nextCursor}`);
    expect(rest.body.notifications.map((n: any) => n.postTitle)).toEqual(["a"]);
    expect(rest.body.nextCursor).toBeNull();

    expect(await get(cast.north.admin).then((r) => r.body)).toEqual({
      notifications: [],
      unread: 0,
      nextCursor: null,
    });
    expect((await get(undefined)).status).toBe(401);
    expect((await get(cast.north.viewer, "?before=x")).status).toBe(400);
  });

  it("marks one read, or all, and never someone else's", async () => {
    await mention(cast.south.editor, cast.north.viewer, "a");
    await mention(cast.south.editor, cast.north.viewer, "b");
    const [newest] = (await get(cast.north.viewer)).body.notifications;
    const read = (user: TestUser, id: string) =>
      harness.request("POST", `/api/notifications/${id}/read`, { cookie: user.cookie });

    const others = await read(cast.north.admin, newest.id);
    expect(others.status).toBe(404);
    expect(others.body.error.code).toBe("not_found");
    expect((await read(cast.north.viewer, "nosuchnotification")).status).toBe(404);

    const marked = await read(cast.north.viewer, newest.id);
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ unread: 1 });
    expect((await read(cast.north.viewer, newest.id)).body).toEqual({ unread: 1 });
    const listed = (await get(cast.north.viewer)).body.notifications;
    expect(listed.map((n: any) => n.readAt === null)).toEqual([false, true]);

    const all = await harness.request("POST", "/api/notifications/read-all", {
      cookie: cast.north.viewer.cookie,
    });
    expect(all.body).toEqual({ unread: 0 });
    expect((await get(cast.north.viewer)).body.unread).toBe(0);
  });

  it("hides a partnership's notifications from someone who left it", async () => {
    await mention(cast.south.editor, cast.north.viewer, "a");
    expect((await get(cast.north.viewer)).body.unread).toBe(1);
    await harness.request(
      "DELETE",
      `/api/partnerships/${cast.partnershipId}/members/${cast.north.viewer.id}`,
      {
        cookie: cast.north.viewer.cookie,
      },
    );
    expect((await get(cast.north.viewer)).body).toEqual({
      notifications: [],
      unread: 0,
      nextCursor: null,
    });
  });

  describe("event stream", () => {
    const open = async (user: TestUser | undefined, path = "/api/notifications/events") => {
      const response = await harness.app.request(path, {
        headers: user ? { cookie: user.cookie } : {},
      });
      return response;
    };

    it("needs a session; streams only the caller's notifications and unread counts", async () => {
      expect((await open(undefined)).status).toBe(401);
      const response = await open(cast.north.viewer);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const events = new EventStreamReader(response.body!);
      try {
        await mention(cast.south.editor, cast.north.admin, "not for the viewer");
        await mention(cast.south.editor, cast.north.viewer, "for the viewer");
        const created = await events.nextEvent<any>();
        expect(created).toMatchObject({
          type: "notification.created",
          unread: 1,
          notification: { kind: "mention", postTitle: "for the viewer" },
        });
        await harness.request("POST", "/api/notifications/read-all", {
          cookie: cast.north.viewer.cookie,
        });
        expect(await events.nextEvent()).toEqual({ type: "notifications.read", unread: 0 });
      } finally {
        await events.close();
      }
    });

    it("sends a heartbeat comment every 25 s and ends once the session is gone", async () => {
      vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
      const subscriptions = () => harness.feedBus.subscriptionCount;
      const events = new EventStreamReader((await open(cast.north.viewer)).body!);
      expect(await events.next()).toEqual({ kind: "comment", text: "connected" });
      vi.advanceTimersByTime(HEARTBEAT_MS);
      expect(await events.next()).toEqual({ kind: "comment", text: "heartbeat" });
      expect(subscriptions()).toBe(1);

      await harness.request("POST", "/api/auth/logout", { cookie: cast.north.viewer.cookie });
      vi.advanceTimersByTime(HEARTBEAT_MS);
      await expect(events.next()).rejects.toThrow("the stream ended");
      expect(subscriptions()).toBe(0);
    });
  });
});
