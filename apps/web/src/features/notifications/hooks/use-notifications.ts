import type { NotificationListResponse, NotificationView, UserFeedEvent } from "@entente/protocol";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useEventStream } from "../../../lib/use-event-stream";
import { NOTIFICATION_EVENTS_URL, notificationsApi } from "../api/notifications-api";
import {
  notificationsKeys,
  notificationsQueries,
  withArrived,
  withRead,
  type NotificationPages,
} from "../api/notifications-queries";

const key = notificationsKeys.list();

function distinct(pages: { pages: NotificationListResponse[] } | undefined): NotificationView[] {
  const seen = new Set<string>();
  const items: NotificationView[] = [];
  for (const page of pages?.pages ?? []) {
    for (const n of page.notifications) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      items.push(n);
    }
  }
  return items;
}

/**
 * The signed-in user's notifications (mentioned, organization mentioned, replied to): the
 * pages read so far and the unread count, in the tab's query cache (one request however many
 * headers show the bell), kept live by the user's event stream; read again after a break in
 * the stream and when another tab marked some read.
 */
export function useNotifications() {
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(notificationsQueries.list());
  const pages = query.data;
  const unread = pages?.pages[0]?.unread ?? 0;

  // One stream per tab, shared by whatever shows notifications.
  const stream = useEventStream<UserFeedEvent>(NOTIFICATION_EVENTS_URL, null, {
    onEvent: (event) => {
      if (event.type === "notification.created") {
        queryClient.setQueryData<NotificationPages>(key, (current) =>
          withArrived(current, event.notification, event.unread),
        );
      } else if (event.unread !== unread) {
        // Read in another tab: which ones is only in the list.
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
    onReconnect: () => void queryClient.invalidateQueries({ queryKey: key }),
  });

  const actions = useMemo(
    () => ({
      loadMore: async (_cursor: string) => {
        await query.fetchNextPage();
      },
      markRead: async (notificationId: string) => {
        const readAt = new Date().toISOString();
        const { unread: left } = await notificationsApi.markRead(notificationId);
        queryClient.setQueryData<NotificationPages>(key, (current) =>
          withRead(current, new Set([notificationId]), readAt, left),
        );
      },
      markAllRead: async () => {
        const readAt = new Date().toISOString();
        const { unread: left } = await notificationsApi.markAllRead();
        queryClient.setQueryData<NotificationPages>(key, (current) =>
          withRead(current, null, readAt, left),
        );
      },
    }),
    [queryClient, query.fetchNextPage],
  );

  return {
    items: distinct(pages),
    unread,
    nextCursor: pages?.pages.at(-1)?.nextCursor ?? null,
    loaded: query.isSuccess,
    stream,
    actions,
  };
}
