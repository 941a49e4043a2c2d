import type { PostView, ReplyView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import { emptyFeed, feedReducer, hasSeen, type FeedState } from "./feed-state";

const author = { id: "u1", name: "Amara", organizationId: "o1" };

function post(id: string, createdAt: string, extra: Partial<PostView> = {}): PostView {
  return {
    id,
    partnershipId: "p1",
    author,
    title: `Post ${id}`,
    body: { type: "doc", content: [] },
    tag: "information",
    links: [],
    createdAt,
    editedAt: null,
    deletedAt: null,
    replyCount: 0,
    reactions: [],
    seenBy: { organizations: [] },
    ...extra,
  };
}

function reply(id: string, postId: string): ReplyView {
  return {
    id,
    postId,
    author,
    body: { type: "doc", content: [{ type: "paragraph" }] },
    createdAt: "2026-01-02T00:00:00.000Z",
    editedAt: null,
    deletedAt: null,
    reactions: [],
  };
}

const loaded = (posts: PostView[]): FeedState =>
  feedReducer(emptyFeed, { type: "page", posts, nextCursor: "c1", append: false });

describe("feed state", () => {
  it("lists pages newest first and appends older pages without duplicates", () => {
    let state = loaded([post("b", "2026-01-02"), post("a", "2026-01-01")]);
    state = feedReducer(state, {
      type: "page",
      posts: [post("a", "2026-01-01"), post("z", "2025-12-31")],
      nextCursor: null,
      append: true,
    });
    expect(state.order).toEqual(["b", "a", "z"]);
    expect(state.nextCursor).toBeNull();
  });

  it("puts a live post on top once, and keeps it when an older first page arrives late", () => {
    let state = loaded([post("a", "2026-01-01")]);
    const live = { type: "post.created", post: post("n", "2026-01-03") } as const;
    state = feedReducer(state, { type: "event", event: live, listsNewPosts: true });
    state = feedReducer(state, { type: "event", event: live, listsNewPosts: true });
    expect(state.order).toEqual(["n", "a"]);
    state = feedReducer(state, {
      type: "page",
      posts: [post("a", "2026-01-01")],
      nextCursor: null,
      append: false,
    });
    expect(state.order).toEqual(["n", "a"]);
  });

  it("does not list new posts while searching", () => {
    const state = feedReducer(loaded([post("a", "2026-01-01")]), {
      type: "event",
      event: { type: "post.created", post: post("n", "2026-01-03") },
      listsNewPosts: false,
    });
    expect(state.order).toEqual(["a"]);
  });

  it("adds replies to an opened thread once, with the server's count", () => {
    let state = feedReducer(loaded([post("a", "2026-01-01")]), {
      type: "thread",
      post: post("a", "2026-01-01"),
      replies: [],
    });
    const event = { type: "reply.created", reply: reply("r1", "a"), replyCount: 1 } as const;
    state = feedReducer(state, { type: "event", event, listsNewPosts: true });
    state = feedReducer(state, { type: "reply", reply: reply("r1", "a") });
    expect(state.threads.a?.map((r) => r.id)).toEqual(["r1"]);
    expect(state.posts.a?.replyCount).toBe(1);
  });

  it("keeps a deleted post with replies as a tombstone, and drops it with its last reply", () => {
    let state = loaded([post("a", "2026-01-01", { replyCount: 1 })]);
    state = feedReducer(state, {
      type: "thread",
      post: state.posts.a!,
      replies: [reply("r1", "a")],
    });
    state = feedReducer(state, {
      type: "event",
      event: { type: "post.deleted", postId: "a" },
      listsNewPosts: true,
    });
    expect(state.order).toEqual(["a"]);
    expect(state.posts.a?.deletedAt).not.toBeNull();
    expect(state.posts.a?.body).toBeNull();
    state = feedReducer(state, {
      type: "event",
      event: { type: "reply.deleted", postId: "a", replyId: "r1" },
      listsNewPosts: true,
    });
    expect(state.order).toEqual([]);
  });

  it("applies reactions and seen-by, and ignores other features' events", () => {
    let state = loaded([post("a", "2026-01-01")]);
    state = feedReducer(state, {
      type: "event",
      event: {
        type: "reactions.changed",
        postId: "a",
        replyId: null,
        reactions: [{ name: "tada", count: 1, userIds: ["u2"] }],
      },
      listsNewPosts: true,
    });
    const seenBy = {
      organizations: [
        { id: "o2", name: "Southpeak", members: [{ id: "u2", name: "Sofia", seenAt: "x" }] },
      ],
    };
    state = feedReducer(state, {
      type: "event",
      event: { type: "post.seen", postId: "a", seenBy },
      listsNewPosts: true,
    });
    expect(state.posts.a?.reactions[0]?.name).toBe("tada");
    expect(hasSeen(state.posts.a!, "u2")).toBe(true);
    const unknown = { type: "comment.created" } as unknown as Parameters<typeof feedReducer>[1];
    expect(
      feedReducer(state, { type: "event", event: unknown as never, listsNewPosts: true }),
    ).toBe(state);
  });
});
