import { useCallback, useEffect, useState } from "react";
import { useI18n, useT } from "../../../i18n";
import type { ApiError } from "../../../lib/api-client";
import { Link } from "@tanstack/react-router";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useMutation } from "@tanstack/react-query";
import { ConfirmButton } from "../../../ui/confirm-button";
import { FormError } from "../../../ui/form";
import { LoadFailedStatus, PageStatus } from "../../../ui/page-status";
import { SettingsCard } from "../../../ui/settings-card";
import { AppHeader } from "../../shell";
import { calendarFeedApi } from "../api/calendar-feed-api";

type FeedState =
  | { status: "loading" }
  | { status: "error"; error: ApiError }
  | { status: "ready"; createdAt: string | null; url: string | null };

/**
 * `/settings/calendar`: the member's private calendar feed address. The server keeps only
 * a hash of it, so the address is shown once, when it is created; creating a new one or
 * revoking it makes the old one stop working.
 */
export function CalendarSettingsPage() {
  const t = useT();
  const { language } = useI18n();
  useDocumentTitle(t("calendarFeed.title"), t("app.name"));
  const [state, setState] = useState<FeedState>({ status: "loading" });
  const [copied, setCopied] = useState(false);

  const load = useCallback(() => {
    setState({ status: "loading" });
    calendarFeedApi.get().then(
      ({ feed }) => setState({ status: "ready", createdAt: feed?.createdAt ?? null, url: null }),
      (error: ApiError) => setState({ status: "error", error }),
    );
  }, []);
  useEffect(load, [load]);

  const create = useMutation({
    mutationFn: async () => {
      const { feed } = await calendarFeedApi.create();
      setCopied(false);
      setState({ status: "ready", createdAt: feed.createdAt, url: feed.url });
    },
  });
  const revoke = useMutation({
    mutationFn: async () => {
      await calendarFeedApi.revoke();
      setState({ status: "ready", createdAt: null, url: null });
    },
  });

  const copy = async (url: string) => {
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };

  let body;
  if (state.status === "error") {
    body = <LoadFailedStatus error={state.error} onRetry={load} />;
  } else if (state.status === "loading") {
    body = <PageStatus>{t("common.loading")}</PageStatus>;
  } else {
    const created =
      state.createdAt === null
        ? null
        : new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(
            new Date(state.createdAt),
          );
    body = (
      <SettingsCard
        id="calendar-feed"
        testId="calendar-feed"
        title={t("calendarFeed.heading")}
        intro={t("calendarFeed.intro")}
      >
        {state.url ? (
          <div className="calendar-feed__url">
            <label className="field">
              <span className="field__label">{t("calendarFeed.address")}</span>
              <input
                className="field__input"
                readOnly
                value={state.url}
                onFocus={(e) => e.target.select()}
                data-testid="calendar-feed-url"
              />
            </label>
            <button
              type="button"
              className="button button--small"
              onClick={() => void copy(state.url!)}
            >
              {t("calendarFeed.copy")}
            </button>
            {copied ? (
              <span role="status" data-testid="calendar-feed-copied">
                {t("calendarFeed.copied")}
              </span>
            ) : null}
            <p className="muted">{t("calendarFeed.shownOnce")}</p>
          </div>
        ) : created ? (
          <p data-testid="calendar-feed-status">{t("calendarFeed.exists", { date: created })}</p>
        ) : (
          <p data-testid="calendar-feed-status">{t("calendarFeed.none")}</p>
        )}
        <div className="item-form__buttons">
          <button
            type="button"
            className="button button--primary"
            disabled={create.isPending}
            aria-busy={create.isPending}
            onClick={() => void create.mutate()}
          >
            {state.createdAt === null ? t("calendarFeed.create") : t("calendarFeed.recreate")}
          </button>
          {state.createdAt !== null ? (
            <ConfirmButton
              label={t("calendarFeed.revoke")}
              confirmLabel={t("calendarFeed.confirmRevoke")}
              cancelLabel={t("common.cancel")}
              onConfirm={() => void revoke.mutate()}
            />
          ) : null}
        </div>
        <FormError error={create.error ?? revoke.error} />
      </SettingsCard>
    );
  }

  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="page page--settings">
        <h1 className="page__title">{t("calendarFeed.title")}</h1>
        <p className="page__meta">
          <Link to="/settings/notifications">{t("preferences.title")}</Link>
        </p>
        {body}
      </main>
    </div>
  );
}
