import type { CommentThreadView, CommentView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import {
  commentsReducer,
  emptyComments,
  isUnknownThreadComment,
  openCommentCount,
  threadsAbout,
  type CommentsState,
} from "./comments-state";

const author = { id: "u1", name: "Amara Diallo", organizationId: "o1" };
const body = {
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Hi" }] }],
};

function comment(id: string, threadId: string, createdAt: string): CommentView {
  return { id, threadId, author, body, createdAt } as CommentView;
}

function thread(
  id: string,
  target: CommentThreadView["target"],
  overrides: Partial<CommentThreadView> = {},
): CommentThreadView {
  return {
    id,
    partnershipId: "p1",
    target,
    status: "open",
    resolvedBy: null,
    resolvedAt: null,
    createdAt: "2026-05-01T10:00:00.000Z",
    comments: [comment(`${id}-c1`, id, "2026-05-01T10:00:00.000Z")],
    ...overrides,
  };
}

const onIssue = { kind: "issue", id: "i1" } as const;
const onCharter = {
  kind: "charter",
  anchor: { start: "AA==", end: "AA==", quote: "values" },
} as const;

const withThreads = (...threads: CommentThreadView[]): CommentsState =>
  commentsReducer(emptyComments, { type: "threads", threads });

describe("comments state", () => {
  it("counts the comments of an item's open threads only", () => {
    let state = withThreads(
      thread("t1", onIssue),
      thread("t2", { kind: "issue", id: "other" }),
      thread("t3", onCharter),
    );
    state = commentsReducer(state, {
      type: "event",
      event: {
        type: "comment.created",
        comment: comment("t1-c2", "t1", "2026-05-01T11:00:00.000Z"),
      },
    });
    expect(openCommentCount(state, onIssue)).toBe(2);

    state = commentsReducer(state, {
      type: "event",
      event: {
        type: "thread.resolved",
        thread: {
          ...state.threads.t1!,
          status: "resolved",
          resolvedBy: { id: "u2", name: "Sofia" },
        },
      },
    });
    expect(openCommentCount(state, onIssue)).toBe(0);
    expect(threadsAbout(state, onIssue).map((t) => t.status)).toEqual(["resolved"]);
  });

  it("applies the user's own comment and its live echo once", () => {
    let state = withThreads(thread("t1", onCharter));
    const mine = comment("t1-c2", "t1", "2026-05-01T11:00:00.000Z");
    state = commentsReducer(state, { type: "comment", comment: mine });
    state = commentsReducer(state, {
      type: "event",
      event: { type: "comment.created", comment: mine },
    });
    expect(state.threads.t1!.comments.map((c) => c.id)).toEqual(["t1-c1", "t1-c2"]);
  });

  it("keeps comments a stale view of the thread does not have yet", () => {
    let state = withThreads(thread("t1", onIssue));
    state = commentsReducer(state, {
      type: "comment",
      comment: comment("t1-c2", "t1", "2026-05-01T11:00:00.000Z"),
    });
    // The answer to "resolve", read before the comment was stored.
    state = commentsReducer(state, {
      type: "threads",
      threads: [thread("t1", onIssue, { status: "resolved" })],
    });
    expect(state.threads.t1!.status).toBe("resolved");
    expect(state.threads.t1!.comments).toHaveLength(2);
  });

  it("lists open threads first, newest first, and tells comments of unknown threads", () => {
    const state = withThreads(
      thread("old", onCharter, { createdAt: "2026-05-01T09:00:00.000Z" }),
      thread("new", onCharter, { createdAt: "2026-05-02T09:00:00.000Z" }),
      thread("done", onCharter, { status: "resolved", createdAt: "2026-05-03T09:00:00.000Z" }),
      thread("item", onIssue),
    );
    expect(threadsAbout(state, { kind: "charter" }).map((t) => t.id)).toEqual([
      "new",
      "old",
      "done",
    ]);
    expect(
      isUnknownThreadComment(state, {
        type: "comment.created",
        comment: comment("x", "elsewhere", "2026-05-01T11:00:00.000Z"),
      }),
    ).toBe(true);
    expect(
      isUnknownThreadComment(state, {
        type: "comment.created",
        comment: comment("x", "old", "2026-05-01T11:00:00.000Z"),
      }),
    ).toBe(false);
  });

  it("after a reload, drops open threads that were resolved meanwhile but keeps newer ones", () => {
    let state = withThreads(
      thread("gone", onIssue),
      thread("kept", onIssue),
      thread("done", onIssue, { status: "resolved" }),
    );
    const known = new Set(Object.keys(state.threads));
    // Created by the user while the list was on its way.
    state = commentsReducer(state, { type: "threads", threads: [thread("mine", onIssue)] });
    state = commentsReducer(state, {
      type: "open-loaded",
      threads: [thread("kept", onIssue)],
      known,
    });
    expect(Object.keys(state.threads).sort()).toEqual(["done", "kept", "mine"]);
  });

  it("ignores the feed's own events", () => {
    const state = withThreads(thread("t1", onIssue));
    const next = commentsReducer(state, {
      type: "event",
      event: { type: "post.deleted", postId: "p" },
    });
    expect(next).toBe(state);
  });
});
