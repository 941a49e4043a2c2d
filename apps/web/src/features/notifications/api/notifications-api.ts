import type { NotificationListResponse, UnreadCountResponse } from "@entente/protocol";
import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

export const notificationsApi = {
  list: (before: string | null) =>
    api.get<NotificationListResponse>(
      before ? `/api/notifications?before=${segment(before)}` : "/api/notifications",
    ),

  markRead: (notificationId: string) =>
    api.post<UnreadCountResponse>(`/api/notifications/${segment(notificationId)}/read`),

  markAllRead: () => api.post<UnreadCountResponse>("/api/notifications/read-all"),
};

/** The caller's live notification events (Server-Sent Events, same-origin cookie). */
export const NOTIFICATION_EVENTS_URL = "/api/notifications/events";
