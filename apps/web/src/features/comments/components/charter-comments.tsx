import type { CharterAnchorView, CommentThreadView } from "@entente/protocol";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { useT } from "../../../i18n";
import { useLocation, useNavigate } from "@tanstack/react-router";
import { EmptyState } from "../../../ui/empty-state";
import { FormError } from "../../../ui/form";
import { useActionError } from "../../../ui/use-action-error";
import { usePartnershipContext, sectionPath } from "../../partnerships";
import {
  DRAFT_ANCHOR_ID,
  type CharterSurface,
  type HighlightAnchor,
  type SurfaceRange,
} from "../state/charter-surface";
import { useComments } from "../state/comments-context";
import { threadsAbout, type CommentSubject } from "../state/comments-state";
import { threadSection } from "../state/thread-link";
import { LazyCommentComposer } from "./lazy-comment-composer";
import { CommentThreadCard } from "./comment-thread-card";
import { CommentsLive } from "./comments-live";
import { ResolvedThreads } from "./resolved-threads";
import "../../feed/feed.css";
import "../comments.css";

const CHARTER: CommentSubject = { kind: "charter" };

/** "from:to" of each charter thread's range now, "" where it is nowhere. */
type Positions = Record<string, string>;

/*
 * The panel reads the surface through snapshots that compare by value (strings), so that it
 * renders again only when a thread's place or the selection changed, not at every keystroke.
 */

/** "id=from:to;…" of the charter's threads ("id=" where a thread's text is nowhere). */
function positionsSnapshot(surface: CharterSurface, threads: readonly CommentThreadView[]) {
  const parts: string[] = [];
  for (const thread of threads) {
    if (thread.target.kind !== "charter") continue;
    const range = surface.rangeOf(thread.target.anchor);
    parts.push(`${thread.id}=${range ? `${range.from}:${range.to}` : ""}`);
  }
  return parts.join(";");
}

function positionsOf(snapshot: string): Positions {
  const positions: Positions = {};
  for (const part of snapshot === "" ? [] : snapshot.split(";")) {
    const [id = "", range = ""] = part.split("=");
    positions[id] = range;
  }
  return positions;
}

/** "focused:from:to" of the selection ("blurred", and no range, where there is none). */
function selectionSnapshot(surface: CharterSurface): string {
  const { range, focused } = surface.selection();
  const focus = focused ? "focused" : "blurred";
  return range ? `${focus}:${range.from}:${range.to}` : focus;
}

function selectionOf(snapshot: string): { range: SurfaceRange | null; focused: boolean } {
  const [focus, from, to] = snapshot.split(":");
  return {
    focused: focus === "focused",
    range: from === undefined || to === undefined ? null : { from: Number(from), to: Number(to) },
  };
}

function rangeOf(positions: Positions, id: string): SurfaceRange | null {
  const value = positions[id];
  if (!value) return null;
  const [from, to] = value.split(":").map(Number);
  return from === undefined || to === undefined ? null : { from, to };
}

/**
 * The charter's comment threads beside its text: select text, "Comment", and a thread is
 * opened on that range. Open threads are highlighted in the text (a click on a highlight
 * brings its thread forward); resolved ones are listed under "Show resolved"; a thread whose
 * text was deleted keeps its quote, marked "(text removed)". A link to a thread
 * (`?thread=<id>`) brings it forward here, or leads on to its item's section. The text is
 * the charter's `surface`: shown as text until the editor loads, then the editor.
 */
export function CharterComments({ surface, synced }: { surface: CharterSurface; synced: boolean }) {
  const t = useT();
  const store = useComments();
  const { state, canComment, actions, stream, loadError } = store;
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<CharterAnchorView | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const { error: resolvedError, guard } = useActionError();

  const threads = threadsAbout(state, CHARTER);
  const anchors = useMemo<HighlightAnchor[]>(() => {
    const list: HighlightAnchor[] = [];
    for (const thread of threads) {
      if (thread.status === "open" && thread.target.kind === "charter") {
        list.push({
          id: thread.id,
          start: thread.target.anchor.start,
          end: thread.target.anchor.end,
        });
      }
    }
    if (draft) list.push({ id: DRAFT_ANCHOR_ID, start: draft.start, end: draft.end });
    return list;
  }, [threads, draft]);
  const activeId = draft ? DRAFT_ANCHOR_ID : focusedId;
  // Anchors compare by value: the list is rebuilt on every render.
  const anchorsKey = anchors.map((a) => `${a.id}:${a.start}:${a.end}`).join("|");
  useEffect(() => {
    surface.highlight(anchors, activeId, setFocusedId);
  }, [surface, anchorsKey, activeId]);
  useEffect(() => () => surface.clearHighlights(), [surface]);

  // Where every thread's text is now (for the order of the list and "text removed").
  const positionsNow = useSyncExternalStore(
    surface.subscribe,
    useCallback(() => positionsSnapshot(surface, threads), [surface, threads]),
  );
  const positions = useMemo(() => positionsOf(positionsNow), [positionsNow]);
  const detached = (thread: CommentThreadView) => {
    if (!synced) return false;
    const range = rangeOf(positions, thread.id);
    return range === null || range.to <= range.from;
  };

  const selectionNow = useSyncExternalStore(
    surface.subscribe,
    useCallback(() => selectionSnapshot(surface), [surface]),
  );
  const selection = useMemo(() => selectionOf(selectionNow), [selectionNow]);

  const startThread = () => {
    const anchor = surface.anchorOfSelection();
    if (!anchor) return;
    setFocusedId(null);
    setDraft(anchor);
  };

  const showInCharter = useCallback(
    (threadId: string) => {
      setFocusedId(threadId);
      const range = rangeOf(positions, threadId);
      if (range) surface.reveal(threadId, range);
    },
    [surface, positions],
  );

  const toggleResolved = (checked: boolean) => {
    setShowResolved(checked);
    if (checked && !store.hasResolved(CHARTER)) guard(() => store.loadResolved(CHARTER));
  };

  // The thread a link names: shown here if it is the charter's (among the resolved ones if
  // it is resolved), once per link; an item's thread is shown in its item's section.
  const { linked } = store;
  const location = useLocation();
  const navigate = useNavigate();
  const { partnershipId } = usePartnershipContext();
  const shownLink = useRef<string | null>(null);
  useEffect(() => {
    if (!linked || shownLink.current === linked.id) return;
    shownLink.current = linked.id;
    const section = threadSection(linked.target);
    if (section !== "charter") {
      void navigate({
        href: `${sectionPath(partnershipId, section)}${location.searchStr}`,
        replace: true,
      });
      return;
    }
    setDraft(null);
    setFocusedId(linked.id);
    if (linked.status === "resolved") toggleResolved(true);
    // Only a new link counts: the rest (the URL, the resolved list) is read as it is then.
  }, [linked]);

  const open = threads
    .filter((thread) => thread.status === "open")
    .map((thread) => ({ thread, range: rangeOf(positions, thread.id) }))
    .sort((a, b) => {
      // In the order of the text; threads whose text is gone last, newest first.
      const aFrom = a.range && a.range.to > a.range.from ? a.range.from : Infinity;
      const bFrom = b.range && b.range.to > b.range.from ? b.range.from : Infinity;
      if (aFrom !== bFrom) return aFrom - bFrom;
      return b.thread.createdAt.localeCompare(a.thread.createdAt);
    })
    .map(({ thread }) => thread);
  const resolved = threads.filter((thread) => thread.status === "resolved");

  return (
    <section
      className="card comments-panel"
      aria-labelledby="charter-comments-title"
      data-testid="comments-panel"
    >
      <header className="comments-panel__header">
        <h3 id="charter-comments-title" className="card__title">
          {t("comments.title")}
        </h3>
        <CommentsLive state={stream} />
      </header>
      {canComment ? (
        <>
          <p className="comments-panel__hint muted">{t("comments.charter.hint")}</p>
          <button
            type="button"
            className="button button--small"
            disabled={!selection.range || draft !== null}
            onMouseDown={(event) => event.preventDefault()}
            onClick={startThread}
          >
            {t("comments.charter.commentSelection")}
          </button>
        </>
      ) : (
        <p className="comments-panel__hint muted">{t("comments.readOnly")}</p>
      )}
      {canComment && selection.focused && selection.range && draft === null ? (
        <SelectionButton surface={surface} range={selection.range} onComment={startThread} />
      ) : null}
      {draft ? (
        <div className="comments-panel__draft" data-testid="new-comment-thread">
          <blockquote className="comment-thread__quote">{draft.quote}</blockquote>
          <LazyCommentComposer
            label={t("comments.newThread.label")}
            submitLabel={t("comments.newThread.submit")}
            testId="new-comment-body"
            autoFocus
            onSubmit={async (body) => {
              const thread = await actions.createThread({ kind: "charter", anchor: draft }, body);
              setDraft(null);
              setFocusedId(thread.id);
            }}
            onCancel={() => setDraft(null)}
          />
        </div>
      ) : null}
      <FormError error={loadError} />
      {store.linkedError ? (
        <p className="form-error" role="alert" data-testid="linked-thread-missing">
          {t("comments.linked.missing")}
        </p>
      ) : null}
      {open.length === 0 ? (
        <EmptyState title={t("comments.charter.empty")} text={t("comments.charter.emptyHint")} />
      ) : (
        <div className="comments-panel__list" data-testid="open-comment-threads">
          {open.map((thread) => (
            <CommentThreadCard
              key={thread.id}
              thread={thread}
              focused={thread.id === focusedId}
              detached={detached(thread)}
              onFocus={() => showInCharter(thread.id)}
            />
          ))}
        </div>
      )}
      <ResolvedThreads
        shown={showResolved}
        onToggle={toggleResolved}
        error={resolvedError}
        threads={resolved}
        focusedId={focusedId}
        detached={detached}
      />
    </section>
  );
}

/** "Comment", floating under the selected text while the editor has the focus. */
function SelectionButton({
  surface,
  range,
  onComment,
}: {
  surface: CharterSurface;
  range: SurfaceRange;
  onComment: () => void;
}) {
  const t = useT();
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const measure = () => {
      const end = surface.coordsBelow(range.to);
      if (!end) {
        setPlace(null);
        return;
      }
      const left = Math.min(end.left, window.innerWidth - 120);
      setPlace({ left: Math.max(8, left), top: end.bottom + 6 });
    };
    measure();
    window.addEventListener("scroll", measure, true);
    window.addEventListener("resize", measure);
    return () => {
      window.removeEventListener("scroll", measure, true);
      window.removeEventListener("resize", measure);
    };
  }, [surface, range.to]);

  if (!place) return null;
  return (
    <button
      type="button"
      className="button button--small button--primary comment-selection-button"
      data-testid="comment-selection"
      style={{ left: place.left, top: place.top }}
      // The editor keeps its selection (and the focus) until the thread is started.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onComment}
    >
      {t("comments.comment")}
    </button>
  );
}
