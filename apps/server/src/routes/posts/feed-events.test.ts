import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventStreamReader } from "../../test/event-stream-reader.js";
import { LiveServer, type LiveUser } from "../../test/live-server.js";

const doc = (...nodes: unknown[]) => ({
  type: "doc",
  content: [{ type: "paragraph", content: nodes }],
});

describe("the updates feed, live over HTTP", () => {
  let live: LiveServer;
  let cast: Awaited<ReturnType<LiveServer["twoOrganizations"]>>;
  const readers: EventStreamReader[] = [];

  beforeAll(async () => {
    live = await LiveServer.start();
    cast = await live.twoOrganizations();
  });

  afterAll(async () => {
    await Promise.all(readers.map((r) => r.close()));
    await live.close();
  });

  /** Opens an event stream as `user` on a real socket; resolves once the server listens. */
  const listen = async (path: string, user: LiveUser) => {
    const response = await fetch(live.url + path, { headers: { cookie: user.cookie } });
    expect(response.status).toBe(200);
    const reader = new EventStreamReader(response.body!);
    readers.push(reader);
    expect(await reader.next()).toEqual({ kind: "comment", text: "connected" });
    return reader;
  };

  const publish = (user: LiveUser, title: string, body = doc({ type: "text", text: "Hello" })) =>
    live.api(
      "POST",
      `/api/partnerships/${cast.partnershipId}/posts`,
      { title, body, tag: "information" },
      user.cookie,
    );

  it("delivers a post created by one organization to the other's open stream, without reload", async () => {
    const north = await listen(`/api/partnerships/${cast.partnershipId}/events`, cast.north);

    const created = await publish(cast.south, "Southpeak's first update");
    expect(created.status).toBe(201);

    const event = await north.nextEvent<any>();
    expect(event).toEqual({ type: "post.created", post: created.body.post });
    expect(event.post.author).toEqual({
      id: cast.south.id,
      name: "Sam South",
      organizationId: cast.southOrg,
    });

    const replied = await live.api(
      "POST",
      `/api/posts/${created.body.post.id}/replies`,
      { body: doc({ type: "text", text: "Welcome!" }) },
      cast.north.cookie,
    );
    expect(await north.nextEvent()).toEqual({
      type: "reply.created",
      reply: replied.body.reply,
      replyCount: 1,
    });
  });

  it("delivers a mention to the mentioned user's notification stream", async () => {
    const mine = await listen("/api/notifications/events", cast.north);
    await publish(
      cast.south,
      "Question for Nora",
      doc({ type: "mention", attrs: { id: cast.north.id, kind: "user", label: "?" } }),
    );
    const event = await mine.nextEvent<any>();
    expect(event).toMatchObject({
      type: "notification.created",
      notification: {
        kind: "mention",
        postTitle: "Question for Nora",
        actor: { id: cast.south.id },
      },
    });
    expect(event.unread).toBeGreaterThanOrEqual(1);
  });

  it("refuses non-members and anonymous callers, and ends the stream of a member who is removed", async () => {
    const outsider = await live.signup("Olga Outsider");
    const path = `/api/partnerships/${cast.partnershipId}/events`;
    expect((await live.api("GET", path, undefined, outsider.cookie)).status).toBe(404);
    expect((await live.api("GET", path)).status).toBe(401);

    const viewer = await listen(path, cast.northViewer);
    const removed = await live.api(
      "DELETE",
      `/api/partnerships/${cast.partnershipId}/members/${cast.northViewer.id}`,
      undefined,
      cast.north.cookie,
    );
    expect(removed.status).toBe(204);
    await publish(cast.south, "After the viewer left");
    await expect(viewer.nextEvent()).rejects.toThrow("the stream ended");
  });
});
