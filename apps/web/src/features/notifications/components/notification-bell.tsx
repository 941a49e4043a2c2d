import { notificationPath, type NotificationView } from "@entente/protocol";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../../../i18n";
import { useNavigate } from "@tanstack/react-router";
import { useMe } from "../../auth/state/session-provider";
import { FeedTime } from "../../feed/components/feed-time";
import { useNotifications } from "../hooks/use-notifications";
import { describeNotification } from "../state/notification-text";
import { onOpenNotificationsRequest } from "../state/open-request";
import "../notifications.css";

/**
 * The bell of the app header: the unread count, live, and a panel of the latest
 * notifications; opening one marks it read and shows what it is about (`notificationPath`).
 */
export function NotificationBell() {
  const { t, formatDay } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const [open, setOpen] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => onOpenNotificationsRequest(() => setOpen(true)), []);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const partnershipName = (id: string) => me.partnerships.find((p) => p.id === id)?.name ?? "";
  const several = me.partnerships.length > 1;
  const { unread, items, nextCursor, actions } = notifications;

  const openNotification = (notification: NotificationView) => {
    setOpen(false);
    if (notification.readAt === null) actions.markRead(notification.id).catch(() => undefined);
    void navigate({ href: notificationPath(notification) });
  };

  const describe = (n: NotificationView) => describeNotification(n, t, formatDay);

  return (
    <div className="notifications" ref={root}>
      <button
        type="button"
        className="notifications__bell button button--ghost"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={
          unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell")
        }
        data-testid="notification-bell"
        data-live={notifications.stream === "open" ? "true" : "false"}
        onClick={() => setOpen((value) => !value)}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path
            fill="currentColor"
            d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5v2.4L2.2 10.9a.75.75 0 0 0 .66 1.1h10.28a.75.75 0 0 0 .66-1.1L12.5 8.4V6A4.5 4.5 0 0 0 8 1.5ZM6.25 13.25a1.75 1.75 0 0 0 3.5 0h-3.5Z"
          />
        </svg>
        {unread > 0 ? (
          <span className="notifications__count" data-testid="notification-count">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id={panelId}
          className="notifications__panel"
          role="dialog"
          aria-label={t("notifications.title")}
          data-testid="notification-panel"
        >
          <div className="notifications__head">
            <h2 className="notifications__title">{t("notifications.title")}</h2>
            {unread > 0 ? (
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => void actions.markAllRead().catch(() => undefined)}
              >
                {t("notifications.markAllRead")}
              </button>
            ) : null}
          </div>
          {items.length === 0 ? (
            <p className="notifications__empty">{t("notifications.empty")}</p>
          ) : (
            <ul className="notifications__list">
              {items.map((n) => (
                <li
                  key={n.id}
                  className="notification"
                  data-testid="notification"
                  data-unread={n.readAt === null ? "true" : "false"}
                >
                  <a
                    className="notification__link"
                    href={notificationPath(n)}
                    onClick={(event) => {
                      if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
                      event.preventDefault();
                      openNotification(n);
                    }}
                  >
                    <span className="notification__text">{describe(n)}</span>
                    <span className="notification__meta">
                      <FeedTime iso={n.createdAt} />
                      {several ? ` · ${partnershipName(n.partnershipId)}` : null}
                    </span>
                  </a>
                  {n.readAt === null ? (
                    <button
                      type="button"
                      className="notification__read"
                      aria-label={t("notifications.markRead")}
                      title={t("notifications.markRead")}
                      onClick={() => void actions.markRead(n.id).catch(() => undefined)}
                    >
                      <span aria-hidden="true" className="notification__dot" />
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {nextCursor ? (
            <button
              type="button"
              className="button button--small notifications__more"
              disabled={loadingMore}
              onClick={() => {
                setLoadingMore(true);
                actions
                  .loadMore(nextCursor)
                  .catch(() => undefined)
                  .finally(() => setLoadingMore(false));
              }}
            >
              {loadingMore ? t("common.loading") : t("notifications.loadMore")}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
