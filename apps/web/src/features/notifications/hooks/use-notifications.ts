import type { NotificationView, UserFeedEvent } from "@entente/protocol";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useEventStream } from "../../../lib/use-event-stream";
import { NOTIFICATION_EVENTS_URL, notificationsApi } from "../api/notifications-api";

interface NotificationsState {
  items: NotificationView[];
  unread: number;
  nextCursor: string | null;
  loaded: boolean;
}

const initial: NotificationsState = { items: [], unread: 0, nextCursor: null, loaded: false };

function merge(current: NotificationView[], incoming: NotificationView[]): NotificationView[] {
  const ids = new Set(current.map((n) => n.id));
  return [...current, ...incoming.filter((n) => !ids.has(n.id))];
}

/**
 * The signed-in user's notifications (mentioned, organization mentioned, replied to): the
 * first page and the unread count, kept live by the user's event stream; reloaded after a
 * break in the stream and when another tab marked some read.
 */
export function useNotifications() {
  const [state, setState] = useState<NotificationsState>(initial);
  const ticket = useRef(0);
  const unreadRef = useRef(0);
  useEffect(() => {
    unreadRef.current = state.unread;
  });

  const reload = useCallback(async () => {
    const mine = ++ticket.current;
    try {
      const page = await notificationsApi.list(null);
      if (mine !== ticket.current) return;
      setState({
        items: page.notifications,
        unread: page.unread,
        nextCursor: page.nextCursor,
        loaded: true,
      });
    } catch {
      // The bell stays as it was; the next event or reconnection tries again.
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  // One stream per tab, shared by whatever shows notifications.
  const stream = useEventStream<UserFeedEvent>(NOTIFICATION_EVENTS_URL, null, {
    onEvent: (event) => {
      if (event.type === "notification.created") {
        setState((current) => ({
          ...current,
          items: merge([event.notification], current.items),
          unread: event.unread,
        }));
      } else if (event.unread !== unreadRef.current) {
        // Read in another tab: which ones is only in the list.
        setState((current) => ({ ...current, unread: event.unread }));
        void reload();
      }
    },
    onReconnect: () => void reload(),
  });

  const actions = useMemo(
    () => ({
      loadMore: async (cursor: string) => {
        const page = await notificationsApi.list(cursor);
        setState((current) => ({
          ...current,
          items: merge(current.items, page.notifications),
          unread: page.unread,
          nextCursor: page.nextCursor,
        }));
      },
      markRead: async (notificationId: string) => {
        const readAt = new Date().toISOString();
        const { unread } = await notificationsApi.markRead(notificationId);
        setState((current) => ({
          ...current,
          unread,
          items: current.items.map((n) =>
            n.id === notificationId ? { ...n, readAt: n.readAt ?? readAt } : n,
          ),
        }));
      },
      markAllRead: async () => {
        const readAt = new Date().toISOString();
        const { unread } = await notificationsApi.markAllRead();
        setState((current) => ({
          ...current,
          unread,
          items: current.items.map((n) => ({ ...n, readAt: n.readAt ?? readAt })),
        }));
      },
    }),
    [],
  );

  return { ...state, stream, actions };
}
