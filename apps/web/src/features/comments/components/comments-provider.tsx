import {
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { ApiError } from "../../../lib/api-client";
import { useLocation, useNavigate } from "@tanstack/react-router";
import { usePartnershipEvents, canAct, usePartnershipContext } from "../../partnerships";
import { commentsApi } from "../api/comments-api";
import { CommentsContext, type CommentsStore } from "../state/comments-context";
import { linkedThreadId, withoutThreadParam } from "../state/thread-link";
import {
  commentsReducer,
  emptyComments,
  isUnknownThreadComment,
  subjectKey,
  type CommentSubject,
} from "../state/comments-state";
import { useCommentAnnouncements } from "../hooks/use-comment-announcements";
import { useQueryClient } from "@tanstack/react-query";
import { commentsQueries } from "../api/comments-queries";

const COMMENT_EVENT_TYPES = [
  "thread.created",
  "comment.created",
  "thread.resolved",
  "thread.reopened",
] as const;

function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught));
}

/**
 * Holds the partnership's comment threads for every section of the page (the charter's
 * panel, the items' comment buttons). Nothing is read and no stream is open until a
 * component that shows comments mounts (`useComments`); the partnership's Server-Sent Events
 * then keep the threads live, and after a break (or a return to such a section) the open
 * threads and the resolved ones asked for are read again (the server keeps no backlog).
 */
export function CommentsProvider({ children }: { children: ReactNode }) {
  const context = usePartnershipContext();
  const { partnershipId } = context;
  const [state, dispatch] = useReducer(commentsReducer, emptyComments);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [resolvedSubjects, setResolvedSubjects] = useState<ReadonlyMap<string, CommentSubject>>(
    new Map(),
  );
  const resolvedRef = useRef(resolvedSubjects);
  useEffect(() => {
    resolvedRef.current = resolvedSubjects;
  });

  const [consumers, setConsumers] = useState(0);
  const active = consumers > 0;
  const retain = useCallback(() => {
    setConsumers((n) => n + 1);
    return () => setConsumers((n) => n - 1);
  }, []);

  const loadResolved = useCallback(
    async (subject: CommentSubject) => {
      const threads = await commentsApi.listAll(partnershipId, {
        status: "resolved",
        scope: subject,
      });
      dispatch({ type: "threads", threads });
      setResolvedSubjects((current) => new Map(current).set(subjectKey(subject), subject));
    },
    [partnershipId],
  );

  const queryClient = useQueryClient();
  /**
   * Reads the open threads through the query cache: the section appearing and the stream
   * opening right after ask once between them. `fresh`: after a break, what is cached missed
   * events.
   */
  const loadAll = useCallback(
    async (fresh = true) => {
      try {
        const known = new Set(Object.keys(stateRef.current.threads));
        const threads = await queryClient.fetchQuery({
          ...commentsQueries.open(partnershipId),
          ...(fresh ? { staleTime: 0 } : {}),
        });
        dispatch({ type: "open-loaded", threads, known });
        setLoadError(null);
        await Promise.all([...resolvedRef.current.values()].map(loadResolved));
      } catch (caught) {
        setLoadError(asApiError(caught));
      }
    },
    [partnershipId, loadResolved, queryClient],
  );

  const announceEvent = useCommentAnnouncements();
  const stream = usePartnershipEvents(active ? partnershipId : null, COMMENT_EVENT_TYPES, {
    onEvent: (event) => {
      announceEvent(event);
      if (isUnknownThreadComment(stateRef.current, event) && event.type === "comment.created") {
        // A comment in a thread the page has not read (a resolved one): read the thread.
        commentsApi
          .getThread(event.comment.threadId)
          .then(({ thread }) => dispatch({ type: "threads", threads: [thread] }))
          .catch(() => undefined);
        return;
      }
      dispatch({ type: "event", event });
    },
    // Each time the stream (re)opens: what happened before it opened is not replayed.
    // The first opening follows the section's own read; a reopening missed events.
    onOpen: () => void loadAll(false),
    onReconnect: () => void loadAll(true),
  });

  // Read when a section that shows comments appears (nothing arrived while none was there).
  useEffect(() => {
    if (active) void loadAll();
  }, [active, loadAll]);

  // The thread a link names is read by itself: it may be resolved (not among the open ones).
  const location = useLocation();
  const navigate = useNavigate();
  const linkedId = linkedThreadId(location.searchStr);
  const [linkedError, setLinkedError] = useState<ApiError | null>(null);
  useEffect(() => {
    setLinkedError(null);
    if (!active || linkedId === null || linkedId in stateRef.current.threads) return;
    let current = true;
    commentsApi
      .getThread(linkedId)
      .then(({ thread }) => {
        if (!current) return;
        if (thread.partnershipId !== partnershipId) {
          setLinkedError(new ApiError(404, "not_found", "thread of another partnership"));
        } else {
          dispatch({ type: "threads", threads: [thread] });
        }
      })
      .catch((caught: unknown) => {
        if (current) setLinkedError(asApiError(caught));
      });
    return () => {
      current = false;
    };
  }, [active, linkedId, partnershipId]);
  const linked = linkedId === null ? null : (state.threads[linkedId] ?? null);
  const clearLinked = useCallback(() => {
    const { pathname, search } = window.location;
    if (linkedThreadId(search) === null) return;
    void navigate({
      href: `${pathname}${withoutThreadParam(search)}`,
      replace: true,
      resetScroll: false,
    });
  }, [navigate]);

  const canComment = canAct(context);
  const store = useMemo<CommentsStore>(
    () => ({
      state,
      stream,
      loadError,
      canComment,
      hasResolved: (subject) => resolvedSubjects.has(subjectKey(subject)),
      loadResolved,
      retain,
      linked,
      linkedError,
      clearLinked,
      actions: {
        createThread: async (target, body) => {
          const { thread } = await commentsApi.createThread(partnershipId, target, body);
          dispatch({ type: "threads", threads: [thread] });
          return thread;
        },
        comment: async (threadId, body) => {
          const { comment } = await commentsApi.comment(threadId, body);
          dispatch({ type: "comment", comment });
        },
        resolve: async (threadId) => {
          const { thread } = await commentsApi.resolve(threadId);
          dispatch({ type: "threads", threads: [thread] });
        },
        reopen: async (threadId) => {
          const { thread } = await commentsApi.reopen(threadId);
          dispatch({ type: "threads", threads: [thread] });
        },
      },
    }),
    [
      state,
      stream,
      loadError,
      canComment,
      resolvedSubjects,
      loadResolved,
      retain,
      linked,
      linkedError,
      clearLinked,
      partnershipId,
    ],
  );

  return <CommentsContext.Provider value={store}>{children}</CommentsContext.Provider>;
}
