import {
  NOTIFICATION_SETTINGS_PATH,
  notificationPath,
  type NotificationView,
  type UserFeedEvent,
} from "@entente/protocol";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useNavigate } from "@tanstack/react-router";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useT } from "../../../i18n";
import { ApiError, NETWORK_ERROR_STATUS } from "../../../lib/api-client";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useEventStream } from "../../../lib/use-event-stream";
import { errorMessage } from "../../../ui/error-message";
import { LoadFailedStatus, PageStatus } from "../../../ui/page-status";
import { useMe } from "../../auth";
import { AppHeader } from "../../shell";
import { notificationsKeys, notificationsQueries } from "../api/notifications-queries";
import { NOTIFICATION_EVENTS_URL, notificationsApi } from "../api/notifications-api";
import {
  filterFromSearch,
  isFiltered,
  NO_FILTER,
  searchOfFilter,
  type NotificationFilter,
} from "../state/notification-filter";
import {
  notificationsOf,
  unreadListedOf,
  unreadOf,
  withAllRead,
  withArrived,
  withRead,
  type NotificationPages,
} from "../state/notification-pages";
import { NotificationEntry } from "./notification-entry";
import { NotificationFilters } from "./notification-filters";
import "../notifications.css";

/**
 * `/notifications`: everything the bell holds, page after page as the user scrolls (or asks
 * for more), filtered by partnership and kind in the address, kept live by the user's event
 * stream; one or all of the listed notifications can be marked read.
 */
export function NotificationsPage() {
  const t = useT();
  useDocumentTitle(t("notifications.title"), t("app.name"));
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const partnershipIds = useMemo(() => me.partnerships.map((p) => p.id), [me.partnerships]);
  const filter = useMemo(
    () => filterFromSearch(location.searchStr, partnershipIds),
    [location.searchStr, partnershipIds],
  );
  const setFilter = (next: NotificationFilter) =>
    void navigate({
      href: `/notifications${searchOfFilter(next)}`,
      replace: true,
      resetScroll: false,
    });

  const list = useInfiniteQuery(notificationsQueries.filtered(filter));
  const items = notificationsOf(list.data);
  const unreadListed = unreadListedOf(list.data);

  const update = (
    listFilter: NotificationFilter,
    change: (data: NotificationPages) => NotificationPages,
  ) =>
    queryClient.setQueryData(notificationsQueries.filtered(listFilter).queryKey, (data) =>
      data ? change(data) : data,
    );
  // The other filters' lists are out of date now: read again when shown.
  const staleOthers = () =>
    void queryClient.invalidateQueries({
      queryKey: notificationsKeys.filteredLists(),
      refetchType: "none",
    });

  const markRead = useMutation({
    mutationFn: (notificationId: string) => notificationsApi.markRead(notificationId),
    onSuccess: ({ unread }, notificationId) => {
      update(filter, (data) => withRead(data, notificationId, new Date().toISOString(), unread));
      staleOthers();
    },
  });
  const markAllRead = useMutation({
    mutationFn: (listFilter: NotificationFilter) => notificationsApi.markAllRead(listFilter),
    onSuccess: ({ unread }, listFilter) => {
      update(listFilter, (data) => withAllRead(data, new Date().toISOString(), unread));
      staleOthers();
    },
  });

  useEventStream<UserFeedEvent>(
    NOTIFICATION_EVENTS_URL,
    ["notification.created", "notifications.read"],
    {
      onEvent: (event) => {
        if (event.type === "notification.created") {
          update(filter, (data) => withArrived(data, event.notification, event.unread, filter));
          staleOthers();
        } else {
          const shown = queryClient.getQueryData(notificationsQueries.filtered(filter).queryKey);
          // Read elsewhere (the bell, another tab): which ones only the server knows.
          if (event.unread !== unreadOf(shown)) {
            void queryClient.invalidateQueries({ queryKey: notificationsKeys.filteredLists() });
          }
        }
      },
      onReconnect: () =>
        void queryClient.invalidateQueries({ queryKey: notificationsKeys.filteredLists() }),
    },
  );

  const open = (notification: NotificationView) => {
    if (notification.readAt === null) markRead.mutate(notification.id);
    void navigate({ href: notificationPath(notification) });
  };

  const several = me.partnerships.length > 1 && filter.partnershipId === null;
  const partnershipName = (id: string) => me.partnerships.find((p) => p.id === id)?.name ?? "";
  const filtered = isFiltered(filter);

  let body;
  if (list.status === "pending") {
    body = <PageStatus>{t("common.loading")}</PageStatus>;
  } else if (list.status === "error") {
    body = <LoadFailedStatus error={asApiError(list.error)} onRetry={() => void list.refetch()} />;
  } else if (items.length === 0) {
    body = filtered ? (
      <div className="notifications-page__empty" data-testid="notifications-empty">
        <p>{t("notifications.page.emptyFiltered")}</p>
        <button type="button" className="button" onClick={() => setFilter(NO_FILTER)}>
          {t("notifications.filter.clear")}
        </button>
      </div>
    ) : (
      <div className="notifications-page__empty" data-testid="notifications-empty">
        <p>{t("notifications.page.empty")}</p>
        <Link to={NOTIFICATION_SETTINGS_PATH}>{t("notifications.page.emptySettings")}</Link>
      </div>
    );
  } else {
    body = (
      <NotificationPagesList
        items={items}
        partnershipName={several ? partnershipName : null}
        hasNextPage={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        loadFailed={list.isFetchNextPageError}
        loadMore={list.fetchNextPage}
        onOpen={open}
        onMarkRead={(notification) => markRead.mutate(notification.id)}
      />
    );
  }

  return (
    <div className="app">
      <AppHeader />
      <main className="page page--notifications">
        <div className="notifications-page__head">
          <div>
            <h1 className="page__title">{t("notifications.title")}</h1>
            <p className="page__meta">{t("notifications.page.intro")}</p>
          </div>
          {list.status === "success" ? (
            <div className="notifications-page__actions">
              <p className="notifications-page__unread" data-testid="notifications-unread">
                {filtered
                  ? t("notifications.page.unreadFiltered", { count: unreadListed })
                  : t("notifications.page.unread", { count: unreadListed })}
              </p>
              {unreadListed > 0 ? (
                <button
                  type="button"
                  className="button button--small"
                  disabled={markAllRead.isPending}
                  onClick={() => markAllRead.mutate(filter)}
                >
                  {filtered ? t("notifications.markFilteredRead") : t("notifications.markAllRead")}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
        {markRead.error || markAllRead.error ? (
          <p className="form-error" role="alert">
            {errorMessage(t, asApiError(markRead.error ?? markAllRead.error))}
          </p>
        ) : null}
        <NotificationFilters filter={filter} partnerships={me.partnerships} onChange={setFilter} />
        {body}
      </main>
    </div>
  );
}

/** The API client throws only `ApiError`s; anything else is told as a network failure. */
function asApiError(error: Error | null): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(NETWORK_ERROR_STATUS, "network", error?.message ?? "");
}

/**
 * The loaded notifications, then what brings the next page: a sentinel that loads it as it
 * scrolls into view, and a button for keyboards (it moves the focus to the first new one).
 */
function NotificationPagesList({
  items,
  partnershipName,
  hasNextPage,
  loadingMore,
  loadFailed,
  loadMore,
  onOpen,
  onMarkRead,
}: {
  items: NotificationView[];
  partnershipName: ((id: string) => string) | null;
  hasNextPage: boolean;
  loadingMore: boolean;
  loadFailed: boolean;
  loadMore: () => Promise<unknown>;
  onOpen: (notification: NotificationView) => void;
  onMarkRead: (notification: NotificationView) => void;
}) {
  const t = useT();
  const sentinel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** The index of the first notification a button press loads, focused once shown. */
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const focusOnMount = useCallback((link: HTMLAnchorElement | null) => {
    if (!link) return;
    link.focus();
    setFocusFrom(null);
  }, []);

  const count = items.length;
  useEffect(() => {
    const target = sentinel.current;
    // After a failed page only the button tries again: no loop of failing requests.
    if (!target || !hasNextPage || loadingMore || loadFailed) return;
    if (typeof IntersectionObserver === "undefined") return;
    // A new observer per page: it reports at once whether the sentinel is still in view.
    const observer = new IntersectionObserver(
      (entries) => {
        // Someone on the button loads the page themselves: it keeps their focus in place.
        if (document.activeElement === button.current) return;
        if (entries.some((entry) => entry.isIntersecting)) void loadMore();
      },
      { rootMargin: "0px 0px 200px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, loadingMore, loadFailed, loadMore, count]);

  return (
    <>
      <ul className="notifications__list notifications-page__list" data-testid="notifications-list">
        {items.map((notification, index) => (
          <NotificationEntry
            key={notification.id}
            notification={notification}
            partnershipName={partnershipName ? partnershipName(notification.partnershipId) : null}
            onOpen={onOpen}
            onMarkRead={onMarkRead}
            {...(index === focusFrom ? { linkRef: focusOnMount } : {})}
          />
        ))}
      </ul>
      <div ref={sentinel} className="notifications-page__sentinel" aria-hidden="true" />
      <div className="notifications-page__foot">
        <p className="notifications-page__shown" role="status">
          {t("notifications.page.shown", { count })}
        </p>
        {hasNextPage ? (
          <button
            ref={button}
            type="button"
            className="button"
            data-testid="notifications-load-more"
            // Not `disabled`: a disabled button would drop the keyboard focus while loading.
            aria-disabled={loadingMore}
            onClick={() => {
              if (loadingMore) return;
              setFocusFrom(count);
              void loadMore();
            }}
          >
            {loadingMore
              ? t("common.loading")
              : loadFailed
                ? t("common.retry")
                : t("notifications.loadMore")}
          </button>
        ) : (
          <p className="notifications-page__end" data-testid="notifications-end">
            {t("notifications.page.end")}
          </p>
        )}
      </div>
    </>
  );
}
