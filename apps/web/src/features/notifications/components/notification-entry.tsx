import { notificationPath, type NotificationView } from "@entente/protocol";
import type { Ref } from "react";
import { useI18n } from "../../../i18n";
import { WrittenTime } from "../../../ui/written-time";
import { describeNotification } from "../state/notification-text";

/**
 * One notification, in the bell's panel and on the notifications page alike: what happened
 * (unread ones stand out, and say so to screen readers), when, where, a link to it and a
 * "mark as read" button while it is unread.
 */
export function NotificationEntry({
  notification,
  partnershipName,
  onOpen,
  onMarkRead,
  linkRef,
}: {
  notification: NotificationView;
  /** Named when the user is in several partnerships. */
  partnershipName: string | null;
  /** A plain click on the link: the caller marks it read and shows what it is about. */
  onOpen: (notification: NotificationView) => void;
  onMarkRead: (notification: NotificationView) => void;
  linkRef?: Ref<HTMLAnchorElement>;
}) {
  const { t, formatDay } = useI18n();
  const unread = notification.readAt === null;
  return (
    <li
      className="notification"
      data-testid="notification"
      data-unread={unread ? "true" : "false"}
      data-kind={notification.kind}
    >
      <a
        ref={linkRef}
        className="notification__link"
        href={notificationPath(notification)}
        onClick={(event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          onOpen(notification);
        }}
      >
        <span className="notification__text">
          {unread ? (
            <span className="visually-hidden">{t("notifications.unreadMark")} </span>
          ) : null}
          {describeNotification(notification, t, formatDay)}
        </span>
        <span className="notification__meta">
          <WrittenTime iso={notification.createdAt} />
          {partnershipName ? ` · ${partnershipName}` : null}
        </span>
      </a>
      {unread ? (
        <button
          type="button"
          className="notification__read"
          aria-label={t("notifications.markRead")}
          title={t("notifications.markRead")}
          onClick={() => onMarkRead(notification)}
        >
          <span aria-hidden="true" className="notification__dot" />
        </button>
      ) : null}
    </li>
  );
}
