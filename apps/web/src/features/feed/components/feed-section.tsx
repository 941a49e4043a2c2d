import { POST_PARAM, POST_TAGS, type PostTag } from "@entente/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import { useT } from "../../../i18n";
import type { ApiError } from "../../../lib/api-client";
import { Link } from "@tanstack/react-router";
import { useSearchParam } from "../../../lib/search-params";
import { PageStatus } from "../../../ui/page-status";
import {
  ReadOnlyBadge,
  useCreateIntent,
  canAct,
  usePartnershipContext,
  sectionPath,
} from "../../partnerships";
import { useFeed } from "../hooks/use-feed";
import type { StreamState } from "../../../lib/event-streams";
import { errorMessage } from "../../../ui/error-message";
import { FormError } from "../../../ui/form";
import { PostCard } from "./post-card";
import { EmptyState } from "../../../ui/empty-state";
import { PostComposer } from "./post-composer";
import "../feed.css";
import { SectionHeading } from "../../../ui/section-heading";
import { SegmentedOption } from "../../../ui/segmented-option";

const SEARCH_DELAY_MS = 300;

/**
 * The updates feed (a lazy chunk): posts newest first with their threads, a search, the
 * composer for editors and admins, all kept live by the partnership's event stream.
 * `?post=<id>` (a notification's link) shows that one post with its thread open.
 */
export default function FeedSection() {
  const t = useT();
  const context = usePartnershipContext();
  const { partnershipId } = context;
  const writer = canAct(context);
  const focusId = useSearchParam(POST_PARAM);
  // "New post" (`?new=1`, the command palette): the composer's title field takes the focus.
  const composer = useRef<HTMLDivElement>(null);
  useCreateIntent(writer && focusId === null, () => {
    composer.current?.querySelector("input")?.focus();
  });

  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(search.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search]);
  const [tag, setTag] = useState<PostTag | null>(null);

  const feed = useFeed(partnershipId, q);
  const { state, actions, openThread } = feed;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [threadError, setThreadError] = useState<ApiError | null>(null);

  const loadThread = useCallback(
    (postId: string) => {
      setThreadError(null);
      openThread(postId).catch((caught: ApiError) => setThreadError(caught));
    },
    [openThread],
  );

  const toggleThread = (postId: string) => {
    const opening = !expanded.has(postId);
    setExpanded((current) => {
      const next = new Set(current);
      if (opening) next.add(postId);
      else next.delete(postId);
      return next;
    });
    if (opening) loadThread(postId);
  };

  useEffect(() => {
    if (focusId) loadThread(focusId);
  }, [focusId, loadThread]);

  const header = (
    <SectionHeading id="feed-title" title={t("feed.title")} subtitle={t("feed.subtitle")}>
      {writer ? null : <ReadOnlyBadge reason={t("readOnly.permission")} />}
      <LiveStatus state={feed.stream} />
    </SectionHeading>
  );

  const card = (postId: string, forceOpen = false) => {
    const post = state.posts[postId];
    if (!post) return null;
    return (
      <PostCard
        key={postId}
        post={post}
        replies={state.threads[postId]}
        expanded={forceOpen || expanded.has(postId)}
        onToggleThread={() => (forceOpen ? undefined : toggleThread(postId))}
        partnershipId={partnershipId}
        userId={context.me.userId}
        canWrite={writer}
        actions={actions}
      />
    );
  };

  if (focusId) {
    return (
      <section className="section feed" aria-labelledby="feed-title">
        {header}
        <p>
          <Link to={sectionPath(partnershipId, "updates")} data-testid="feed-all">
            ← {t("feed.backToAll")}
          </Link>
        </p>
        {state.posts[focusId] ? (
          card(focusId, true)
        ) : threadError ? (
          <PageStatus role="alert">{errorMessage(t, threadError)}</PageStatus>
        ) : (
          <PageStatus>{t("common.loading")}</PageStatus>
        )}
      </section>
    );
  }

  const listed = state.order.filter((id) => tag === null || state.posts[id]?.tag === tag);

  return (
    <section className="section feed" aria-labelledby="feed-title">
      {header}
      {writer ? (
        <div ref={composer}>
          <PostComposer onSubmit={actions.create} />
        </div>
      ) : null}
      <div className="card filters feed__filters">
        <div className="field feed__search">
          <label className="field__label" htmlFor="feed-search">
            {t("feed.search")}
          </label>
          <input
            id="feed-search"
            className="field__input"
            type="search"
            value={search}
            maxLength={200}
            placeholder={t("feed.search.placeholder")}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="segmented" role="group" aria-label={t("feed.filter.tag")}>
          <SegmentedOption pressed={tag === null} onChoose={() => setTag(null)}>
            {t("filter.all")}
          </SegmentedOption>
          {POST_TAGS.map((option) => (
            <SegmentedOption key={option} pressed={tag === option} onChoose={() => setTag(option)}>
              {t(`feed.tag.${option}`)}
            </SegmentedOption>
          ))}
        </div>
      </div>
      <FormError error={feed.loadError} />
      {threadError ? <FormError error={threadError} /> : null}
      {!state.loaded ? (
        <PageStatus>{t("common.loading")}</PageStatus>
      ) : listed.length === 0 ? (
        q !== "" || tag !== null ? (
          <EmptyState
            title={t("feed.noMatch")}
            text={t("feed.noMatchHint")}
            action={{
              label: t("feed.clearFilters"),
              onClick: () => {
                setSearch("");
                setTag(null);
              },
            }}
          />
        ) : (
          <EmptyState
            title={t("feed.empty")}
            text={writer ? t("feed.emptyHint") : t("feed.emptyReadOnly")}
            action={
              writer
                ? {
                    label: t("feed.emptyAction"),
                    onClick: () => composer.current?.querySelector("input")?.focus(),
                  }
                : null
            }
          />
        )
      ) : (
        <div className="feed__list" data-testid="feed-list">
          {listed.map((id) => card(id))}
        </div>
      )}
      {state.nextCursor ? (
        <div className="feed__more">
          <button
            type="button"
            className="button"
            disabled={feed.loadingMore}
            onClick={() => void feed.loadMore()}
          >
            {feed.loadingMore ? t("common.loading") : t("feed.loadMore")}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function LiveStatus({ state }: { state: StreamState }) {
  const t = useT();
  const view = state === "open" ? "synced" : state === "connecting" ? "connecting" : "offline";
  return (
    <span className="connection-status" data-state={view} data-testid="feed-live">
      <span className="connection-status__dot" aria-hidden="true" />
      {state === "open" ? t("feed.live") : t("feed.reconnecting")}
    </span>
  );
}
