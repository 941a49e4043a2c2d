import { api } from "../../../lib/api-client";
import {
  listQueryOf,
  NO_FILTER,
  readAllBodyOf,
  type NotificationFilter,
} from "../state/notification-filter";

export const notificationsApi = {
  /** A page of the caller's notifications after `before`; those `filter` matches. */
  list: (before: string | null, filter: NotificationFilter = NO_FILTER) =>
    api.call("GET /api/notifications", listQueryOf(filter, before)),

  markRead: (notificationId: string) =>
    api.call("POST /api/notifications/:notificationId/read", { notificationId }),

  /** Marks read every notification `filter` matches (all of them by default). */
  markAllRead: (filter: NotificationFilter = NO_FILTER) =>
    api.call("POST /api/notifications/read-all", readAllBodyOf(filter)),
};

/** The caller's live notification events (Server-Sent Events, same-origin cookie). */
export const NOTIFICATION_EVENTS_URL = "/api/notifications/events";
