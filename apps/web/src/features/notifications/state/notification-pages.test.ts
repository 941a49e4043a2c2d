import type { NotificationListResponse, NotificationView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import { NO_FILTER } from "./notification-filter";
import {
  notificationsOf,
  unreadListedOf,
  unreadOf,
  withAllRead,
  withArrived,
  withRead,
  type NotificationPages,
} from "./notification-pages";

const notification = (id: string, read = false, partnershipId = "p1"): NotificationView => ({
  id,
  kind: "mention",
  partnershipId,
  actor: { id: "u1", name: "Lucas", organizationId: "o2" },
  createdAt: "2026-12-01T10:00:00.000Z",
  readAt: read ? "2026-12-01T11:00:00.000Z" : null,
  postId: `post-${id}`,
  postTitle: id,
  replyId: null,
});

const pages = (
  first: NotificationView[],
  rest: NotificationView[],
  counts: Pick<NotificationListResponse, "unread" | "unreadMatching">,
): NotificationPages => ({
  pages: [
    { notifications: first, nextCursor: "2.b", ...counts },
    { notifications: rest, nextCursor: null, ...counts },
  ],
  pageParams: [null, "2.b"],
});

const ids = (data: NotificationPages) => notificationsOf(data).map((n) => n.id);
const unreadIds = (data: NotificationPages) =>
  notificationsOf(data)
    .filter((n) => n.readAt === null)
    .map((n) => n.id);

describe("the loaded pages of notifications", () => {
  it("list each notification once, in order, even where pages overlap", () => {
    const data = pages(
      [notification("c"), notification("b")],
      [notification("b"), notification("a")],
      {
        unread: 3,
      },
    );
    expect(ids(data)).toEqual(["c", "b", "a"]);
    expect(notificationsOf(undefined)).toEqual([]);
  });

  it("count unread ones over everything, and in the list when it is filtered", () => {
    const all = pages([notification("b")], [notification("a")], { unread: 5 });
    expect([unreadOf(all), unreadListedOf(all)]).toEqual([5, 5]);
    const filtered = pages([notification("b")], [notification("a")], {
      unread: 5,
      unreadMatching: 2,
    });
    expect([unreadOf(filtered), unreadListedOf(filtered)]).toEqual([5, 2]);
    expect([unreadOf(undefined), unreadListedOf(undefined)]).toEqual([0, 0]);
  });

  it("mark one read wherever it is loaded; the counts follow, once", () => {
    const data = pages([notification("b")], [notification("a")], { unread: 4, unreadMatching: 2 });
    const read = withRead(data, "a", "2026-12-02T00:00:00.000Z", 3);
    expect(unreadIds(read)).toEqual(["b"]);
    expect([unreadOf(read), unreadListedOf(read)]).toEqual([3, 1]);
    const again = withRead(read, "a", "2026-12-03T00:00:00.000Z", 3);
    expect(unreadListedOf(again)).toBe(1);
    expect(notificationsOf(again)[1]?.readAt).toBe("2026-12-02T00:00:00.000Z");
  });

  it("mark all of the list read, keeping when each already read one was", () => {
    const data = pages([notification("b")], [notification("a", true)], {
      unread: 4,
      unreadMatching: 1,
    });
    const read = withAllRead(data, "2026-12-02T00:00:00.000Z", 3);
    expect(unreadIds(read)).toEqual([]);
    expect(notificationsOf(read)[1]?.readAt).toBe("2026-12-01T11:00:00.000Z");
    expect([unreadOf(read), unreadListedOf(read)]).toEqual([3, 0]);
  });

  it("put a notification that arrives first when the filter holds it, and count it", () => {
    const data = pages([notification("b")], [notification("a")], { unread: 2, unreadMatching: 2 });
    const filter = { partnershipId: "p1", kinds: [] };
    const arrived = withArrived(data, notification("c"), 3, filter);
    expect(ids(arrived)).toEqual(["c", "b", "a"]);
    expect([unreadOf(arrived), unreadListedOf(arrived)]).toEqual([3, 3]);
    // Told twice (a reconnection): listed and counted once.
    expect(unreadListedOf(withArrived(arrived, notification("c"), 3, filter))).toBe(3);
    expect(ids(withArrived(arrived, notification("c"), 3, filter))).toEqual(["c", "b", "a"]);

    const elsewhere = withArrived(data, notification("d", false, "p2"), 3, filter);
    expect(ids(elsewhere)).toEqual(["b", "a"]);
    expect([unreadOf(elsewhere), unreadListedOf(elsewhere)]).toEqual([3, 2]);
    expect(ids(withArrived(data, notification("d", false, "p2"), 3, NO_FILTER))).toEqual([
      "d",
      "b",
      "a",
    ]);
  });
});
