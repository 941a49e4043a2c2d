import {
  NOTIFICATION_SETTINGS_PATH,
  notificationPath,
  type NotificationView,
} from "@entente/protocol";
import { useEffect, useId, useRef, useState } from "react";
import { Link, useNavigate } from "@tanstack/react-router";
import { useT } from "../../../i18n";
import { EmptyState } from "../../../ui/empty-state";
import { useMe } from "../../auth";
import { useNotifications } from "../hooks/use-notifications";
import { onOpenNotificationsRequest } from "../state/open-request";
import { NotificationEntry } from "./notification-entry";
import "../notifications.css";

/**
 * The bell of the app header: the unread count, live, and a panel of the latest
 * notifications; opening one marks it read and shows what it is about (`notificationPath`).
 */
export function NotificationBell() {
  const t = useT();
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
            <EmptyState
              title={t("notifications.empty")}
              action={{
                label: t("notifications.emptySettings"),
                onClick: () => {
                  setOpen(false);
                  void navigate({ to: NOTIFICATION_SETTINGS_PATH });
                },
              }}
            />
          ) : (
            <ul className="notifications__list">
              {items.map((n) => (
                <NotificationEntry
                  key={n.id}
                  notification={n}
                  partnershipName={several ? partnershipName(n.partnershipId) : null}
                  onOpen={openNotification}
                  onMarkRead={(read) => void actions.markRead(read.id).catch(() => undefined)}
                />
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
          <Link
            to="/notifications"
            className="notifications__all"
            data-testid="all-notifications-link"
            onClick={() => setOpen(false)}
          >
            {t("notifications.seeAll")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
