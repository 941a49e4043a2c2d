import type { NotificationListResponse, NotificationView } from "@entente/protocol";
import type { InfiniteData } from "@tanstack/react-query";
import { matchesFilter, type NotificationFilter } from "./notification-filter";

/** The pages of one filtered list as the query cache holds them (page params: cursors). */
export type NotificationPages = InfiniteData<NotificationListResponse>;

/** Every notification of the loaded pages in order, each once (pages can overlap). */
export function notificationsOf(data: NotificationPages | undefined): NotificationView[] {
  if (!data) return [];
  const seen = new Set<string>();
  const list: NotificationView[] = [];
  for (const page of data.pages) {
    for (const notification of page.notifications) {
      if (seen.has(notification.id)) continue;
      seen.add(notification.id);
      list.push(notification);
    }
  }
  return list;
}

/** The caller's unread count, over everything, as the newest page said it. */
export function unreadOf(data: NotificationPages | undefined): number {
  return data?.pages[0]?.unread ?? 0;
}

/** How many of the list's notifications are unread: the filtered count, or all of them. */
export function unreadListedOf(data: NotificationPages | undefined): number {
  const first = data?.pages[0];
  return first?.unreadMatching ?? first?.unread ?? 0;
}

/** Sets the counts on the first page (the one the page reads them from). */
function withCounts(
  data: NotificationPages,
  unread: number,
  unreadMatching: (current: number) => number,
): NotificationPages {
  return {
    ...data,
    pages: data.pages.map((page, index) =>
      index === 0
        ? {
            ...page,
            unread,
            ...(page.unreadMatching === undefined
              ? {}
              : { unreadMatching: Math.max(0, unreadMatching(page.unreadMatching)) }),
          }
        : page,
    ),
  };
}

function mapNotifications(
  data: NotificationPages,
  change: (notification: NotificationView) => NotificationView,
): NotificationPages {
  return {
    ...data,
    pages: data.pages.map((page) => ({ ...page, notifications: page.notifications.map(change) })),
  };
}

/** One notification read (the server's answer: `unread` left over everything). */
export function withRead(
  data: NotificationPages,
  notificationId: string,
  readAt: string,
  unread: number,
): NotificationPages {
  const wasUnread = notificationsOf(data).some((n) => n.id === notificationId && n.readAt === null);
  const read = mapNotifications(data, (n) =>
    n.id === notificationId && n.readAt === null ? { ...n, readAt } : n,
  );
  return withCounts(read, unread, (count) => (wasUnread ? count - 1 : count));
}

/** Every notification of the list read ("mark all read" with the list's filter). */
export function withAllRead(
  data: NotificationPages,
  readAt: string,
  unread: number,
): NotificationPages {
  const read = mapNotifications(data, (n) => (n.readAt === null ? { ...n, readAt } : n));
  return withCounts(read, unread, () => 0);
}

/**
 * A notification that arrived live: first in the list when the filter holds it, and the
 * counts. Cursors point at rows, not offsets, so the next page is still the right one.
 */
export function withArrived(
  data: NotificationPages,
  notification: NotificationView,
  unread: number,
  filter: NotificationFilter,
): NotificationPages {
  const listed = matchesFilter(notification, filter);
  const known = notificationsOf(data).some((n) => n.id === notification.id);
  const added =
    listed && !known
      ? {
          ...data,
          pages: data.pages.map((page, index) =>
            index === 0 ? { ...page, notifications: [notification, ...page.notifications] } : page,
          ),
        }
      : data;
  const counted = listed && !known && notification.readAt === null;
  return withCounts(added, unread, (count) => (counted ? count + 1 : count));
}
