import type { NotificationListResponse, UnreadCountResponse } from "@entente/protocol";
import { api } from "../../../lib/api-client";
import {
  listQueryOf,
  NO_FILTER,
  readAllBodyOf,
  type NotificationFilter,
} from "../state/notification-filter";

const segment = encodeURIComponent;

export const notificationsApi = {
  /** A page of the caller's notifications after `before`; those `filter` matches. */
  list: (before: string | null, filter: NotificationFilter = NO_FILTER) =>
    api.get<NotificationListResponse>(`/api/notifications${listQueryOf(filter, before)}`),

  markRead: (notificationId: string) =>
    api.post<UnreadCountResponse>(`/api/notifications/${segment(notificationId)}/read`),

  /** Marks read every notification `filter` matches (all of them by default). */
  markAllRead: (filter: NotificationFilter = NO_FILTER) =>
    api.post<UnreadCountResponse>("/api/notifications/read-all", readAllBodyOf(filter)),
};

/** The caller's live notification events (Server-Sent Events, same-origin cookie). */
export const NOTIFICATION_EVENTS_URL = "/api/notifications/events";
