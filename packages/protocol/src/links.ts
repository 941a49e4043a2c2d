/**
 * Where the web app shows what a notification is about. The web app's bell and the server's
 * e-mails both use it, so an e-mail never leads somewhere the bell would not.
 */
import type { NotificationView } from "./schemas/responses/notifications.js";

/** The query parameter of a partnership page that opens one comment thread. */
export const THREAD_PARAM = "thread";

/** The query parameter of the updates section that opens one post with its thread. */
export const POST_PARAM = "post";

/** The page where a member chooses which notifications reach them and how (e-mail footers link here). */
export const NOTIFICATION_SETTINGS_PATH = "/settings/notifications";

/**
 * The path (no origin) of a notification's subject in the web app: a post opened with its
 * thread in the partnership's updates; a decision in the decisions; an action in the
 * objectives; an issue in the issues log; the charter at the partnership's root; a comment
 * at the partnership's root with `?thread=<threadId>` (the page reads the thread to know
 * whether it is on the charter or on an item, and opens it where it is).
 */
export function notificationPath(notification: NotificationView): string {
  const partnership = `/p/${encodeURIComponent(notification.partnershipId)}`;
  if ("postId" in notification) {
    return `${partnership}/updates?${POST_PARAM}=${encodeURIComponent(notification.postId)}`;
  }
  if ("threadId" in notification) {
    return `${partnership}?${THREAD_PARAM}=${encodeURIComponent(notification.threadId)}`;
  }
  switch (notification.item.kind) {
    case "decision":
      return `${partnership}/decisions`;
    case "action":
      return `${partnership}/objectives`;
    case "issue":
      return `${partnership}/issues`;
    case "charter":
    case "organization":
    case "member":
      return partnership;
    case "trash":
      return `${partnership}/trash`;
    case "health_check":
      return `${partnership}/health`;
  }
}
