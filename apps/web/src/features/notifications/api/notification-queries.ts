import { infiniteQueryOptions } from "@tanstack/react-query";
import type { NotificationFilter } from "../state/notification-filter";
import { notificationsApi } from "./notifications-api";

/** Every cached list of notifications, whatever its filter. */
export const NOTIFICATION_LISTS_KEY = ["notifications", "list"] as const;

/** The `/notifications` page's list for `filter`, page after page (cursor `before`). */
export function notificationListQuery(filter: NotificationFilter) {
  return infiniteQueryOptions({
    queryKey: [...NOTIFICATION_LISTS_KEY, filter],
    queryFn: ({ pageParam }) => notificationsApi.list(pageParam, filter),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
