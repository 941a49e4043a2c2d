import { describe, expect, it } from "vitest";
import type { LiveUser } from "../../test/live-server.js";
import { useLiveServer } from "../../test/live-fixture.js";

const doc = (...nodes: unknown[]) => ({
  type: "doc",
  content: [{ type: "paragraph", content: nodes }],
});

describe("the updates feed, live over HTTP", () => {
  const ctx = useLiveServer("all");
  const publish = (user: LiveUser, title: string, body = doc({ type: "text", text: "Hello" })) =>
    ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/posts`,
      { title, body, tag: "information" },
      user.cookie,
    );

  it("delivers a post created by one organization to the other's open stream, without reload", async () => {
    const north = await ctx.openEventStream(
      `/api/partnerships/${ctx.cast.partnershipId}/events`,
      ctx.cast.north,
    );

    const created = await publish(ctx.cast.south, "Southpeak's first update");
    expect(created.status).toBe(201);

    const event = await north.nextEvent<any>();
    expect(event).toEqual({ type: "post.created", post: created.body.post });
    expect(event.post.author).toEqual({
      id: ctx.cast.south.id,
      name: "Sam South",
      organizationId: ctx.cast.southOrg,
    });

    const replied = await ctx.live.api(
      "POST",
      `/api/posts/${created.body.post.id}/replies`,
      { body: doc({ type: "text", text: "Welcome!" }) },
      ctx.cast.north.cookie,
    );
    expect(await north.nextEvent()).toEqual({
      type: "reply.created",
      reply: replied.body.reply,
      replyCount: 1,
    });
  });

  it("delivers a mention to the mentioned user's notification stream", async () => {
    const mine = await ctx.openEventStream("/api/notifications/events", ctx.cast.north);
    await publish(
      ctx.cast.south,
      "Question for Nora",
      doc({ type: "mention", attrs: { id: ctx.cast.north.id, kind: "user", label: "?" } }),
    );
    const event = await mine.nextEvent<any>();
    expect(event).toMatchObject({
      type: "notification.created",
      notification: {
        kind: "mention",
        postTitle: "Question for Nora",
        actor: { id: ctx.cast.south.id },
      },
    });
    expect(event.unread).toBeGreaterThanOrEqual(1);
  });

  it("refuses non-members and anonymous callers, and ends the stream of a member who is removed", async () => {
    const outsider = await ctx.live.signup("Olga Outsider");
    const path = `/api/partnerships/${ctx.cast.partnershipId}/events`;
    expect((await ctx.live.api("GET", path, undefined, outsider.cookie)).status).toBe(404);
    expect((await ctx.live.api("GET", path)).status).toBe(401);

    const viewer = await ctx.openEventStream(path, ctx.cast.northViewer);
    expect(
      (await ctx.live.removeMember(ctx.cast.partnershipId, ctx.cast.northViewer, ctx.cast.north))
        .status,
    ).toBe(204);
    await publish(ctx.cast.south, "After the viewer left");
    await expect(viewer.nextEvent()).rejects.toThrow("the stream ended");
  });
});
