import type { NotificationListResponse, NotificationView } from "@entente/protocol";
import { infiniteQueryOptions, type InfiniteData } from "@tanstack/react-query";
import type { NotificationFilter } from "../state/notification-filter";
import { notificationsApi } from "./notifications-api";

export const notificationsKeys = {
  /** The signed-in user's notifications, newest first, page by page (the bell). */
  list: () => ["notifications"] as const,
  /** Every filtered list of the `/notifications` page, whatever its filter. */
  filteredLists: () => ["notifications", "list"] as const,
  filtered: (filter: NotificationFilter) => ["notifications", "list", filter] as const,
};

export type NotificationPages = InfiniteData<NotificationListResponse, string | null>;

export const notificationsQueries = {
  /** One query for every bell and list of the tab: the pages are read once and shared. */
  list: () =>
    infiniteQueryOptions({
      queryKey: notificationsKeys.list(),
      queryFn: ({ pageParam }) => notificationsApi.list(pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      // Kept current by the user's event stream (see use-notifications.ts).
      staleTime: Infinity,
    }),
  /** The `/notifications` page's list for `filter`, page after page (cursor `before`). */
  filtered: (filter: NotificationFilter) =>
    infiniteQueryOptions({
      queryKey: notificationsKeys.filtered(filter),
      queryFn: ({ pageParam }) => notificationsApi.list(pageParam, filter),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};

/** A notification that just arrived, put first (once), with the unread count it came with. */
export function withArrived(
  pages: NotificationPages | undefined,
  notification: NotificationView,
  unread: number,
): NotificationPages | undefined {
  if (!pages) return pages;
  const known = pages.pages.some((page) =>
    page.notifications.some((n) => n.id === notification.id),
  );
  return {
    ...pages,
    pages: pages.pages.map((page, index) => ({
      ...page,
      unread,
      notifications:
        index === 0 && !known ? [notification, ...page.notifications] : page.notifications,
    })),
  };
}

/** The pages with `ids` (or every notification, for `null`) read at `readAt`. */
export function withRead(
  pages: NotificationPages | undefined,
  ids: ReadonlySet<string> | null,
  readAt: string,
  unread: number,
): NotificationPages | undefined {
  if (!pages) return pages;
  return {
    ...pages,
    pages: pages.pages.map((page) => ({
      ...page,
      unread,
      notifications: page.notifications.map((n) =>
        ids === null || ids.has(n.id) ? { ...n, readAt: n.readAt ?? readAt } : n,
      ),
    })),
  };
}
