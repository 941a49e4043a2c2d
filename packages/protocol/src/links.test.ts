import { describe, expect, it } from "vitest";
import type { NotificationView } from "./schemas/responses/notifications.js";
import { notificationPath } from "./links.js";

const base = {
  id: "n1",
  partnershipId: "p1",
  actor: { id: "u1", name: "Lucas Bernard", organizationId: "o2" },
  createdAt: "2026-11-26T10:00:00.000Z",
  readAt: null,
};

describe("notificationPath", () => {
  it("leads to a post with its thread open in the updates", () => {
    const post: NotificationView = {
      ...base,
      kind: "reply",
      postId: "post-1",
      postTitle: "Kick-off",
      replyId: "r1",
    };
    expect(notificationPath(post)).toBe("/p/p1/updates?post=post-1");
  });

  it("leads to a comment's thread from the partnership's root", () => {
    const comment: NotificationView = {
      ...base,
      kind: "mention",
      threadId: "t1",
      commentId: "c1",
    };
    expect(notificationPath(comment)).toBe("/p/p1?thread=t1");
  });

  it("leads to the section of a decision, an action, an issue, or to the charter", () => {
    const item = (value: NotificationView & { item: unknown }) => notificationPath(value);
    expect(
      item({ ...base, kind: "decision_waiting", item: { kind: "decision", id: "d1", title: "D" } }),
    ).toBe("/p/p1/decisions");
    expect(
      item({ ...base, kind: "charter_changed", item: { kind: "charter", id: null, title: "" } }),
    ).toBe("/p/p1");
    expect(
      item({
        ...base,
        kind: "item_status_changed",
        item: { kind: "action", id: "a1", title: "A", status: "blocked", dueDate: null },
      }),
    ).toBe("/p/p1/objectives");
    expect(
      item({
        ...base,
        kind: "item_overdue",
        item: { kind: "issue", id: "i1", title: "I", status: "open", dueDate: "2026-02-01" },
      }),
    ).toBe("/p/p1/issues");
  });

  it("encodes every id it puts in the path or the query", () => {
    const comment: NotificationView = {
      ...base,
      partnershipId: "a/b c",
      kind: "reply",
      threadId: "t&x=1",
      commentId: "c1",
    };
    expect(notificationPath(comment)).toBe("/p/a%2Fb%20c?thread=t%26x%3D1");
    const post: NotificationView = {
      ...base,
      kind: "mention",
      postId: "p?1#2",
      postTitle: "",
      replyId: null,
    };
    expect(notificationPath(post)).toBe("/p/p1/updates?post=p%3F1%232");
  });
});
