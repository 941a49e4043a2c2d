import type {
  CommentFeedEvent,
  CommentItemKind,
  CommentTarget,
  CommentThreadView,
  CommentView,
  PartnershipEvent,
} from "@entente/protocol";

/** What a list of threads is about: the charter, or one item of the partnership. */
export type CommentSubject = { kind: "charter" } | { kind: CommentItemKind; id: string };

/**
 * The partnership's comment threads the page knows: every open one (loaded at start, kept
 * live), and the resolved ones of the subjects whose "show resolved" was asked for.
 */
export interface CommentsState {
  threads: Readonly<Record<string, CommentThreadView>>;
}

export const emptyComments: CommentsState = { threads: {} };

export type CommentsAction =
  /**
   * The partnership's open threads, read again: the open ones known when they were asked
   * for (`known`) and not among them were resolved meanwhile.
   */
  | { type: "open-loaded"; threads: CommentThreadView[]; known: ReadonlySet<string> }
  /** Threads read from the server (one subject's resolved threads, one thread). */
  | { type: "threads"; threads: CommentThreadView[] }
  /** The user's own new comment, as the server answered it. */
  | { type: "comment"; comment: CommentView }
  | { type: "event"; event: PartnershipEvent };

/** A stable key of a subject ("charter", "issue:<id>"). */
export function subjectKey(subject: CommentSubject): string {
  return subject.kind === "charter" ? "charter" : `${subject.kind}:${subject.id}`;
}

export function isAbout(target: CommentTarget, subject: CommentSubject): boolean {
  if (target.kind !== subject.kind) return false;
  return target.kind === "charter" || (subject.kind !== "charter" && target.id === subject.id);
}

const byTime = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt);

/** Comments of both views of a thread, each once, oldest first (comments are only ever added). */
function mergeComments(a: CommentView[], b: CommentView[]): CommentView[] {
  const byId = new Map<string, CommentView>();
  for (const comment of [...a, ...b]) byId.set(comment.id, comment);
  return [...byId.values()].sort(byTime);
}

/** The newer view of a thread wins its status; no comment seen in either view is lost. */
function upsert(
  threads: Record<string, CommentThreadView>,
  thread: CommentThreadView,
): Record<string, CommentThreadView> {
  const known = threads[thread.id];
  const comments = known ? mergeComments(known.comments, thread.comments) : thread.comments;
  return { ...threads, [thread.id]: { ...thread, comments } };
}

function addComment(state: CommentsState, comment: CommentView): CommentsState {
  const thread = state.threads[comment.threadId];
  if (!thread || thread.comments.some((c) => c.id === comment.id)) return state;
  return {
    threads: {
      ...state.threads,
      [thread.id]: { ...thread, comments: mergeComments(thread.comments, [comment]) },
    },
  };
}

function isCommentEvent(event: PartnershipEvent): event is CommentFeedEvent {
  return (
    event.type === "thread.created" ||
    event.type === "comment.created" ||
    event.type === "thread.resolved" ||
    event.type === "thread.reopened"
  );
}

/** Applies the server's answers to the user's actions and the partnership's live events alike. */
export function commentsReducer(state: CommentsState, action: CommentsAction): CommentsState {
  switch (action.type) {
    case "open-loaded": {
      const fresh = new Set(action.threads.map((t) => t.id));
      let threads: Record<string, CommentThreadView> = Object.fromEntries(
        Object.entries(state.threads).filter(
          ([id, t]) => t.status !== "open" || fresh.has(id) || !action.known.has(id),
        ),
      );
      for (const thread of action.threads) threads = upsert(threads, thread);
      return { threads };
    }
    case "threads": {
      let threads = { ...state.threads };
      for (const thread of action.threads) threads = upsert(threads, thread);
      return { threads };
    }
    case "comment":
      return addComment(state, action.comment);
    case "event": {
      const { event } = action;
      if (!isCommentEvent(event)) return state;
      if (event.type === "comment.created") return addComment(state, event.comment);
      return { threads: upsert({ ...state.threads }, event.thread) };
    }
  }
}

/** Whether a live comment belongs to a thread the page does not know yet (to be fetched). */
export function isUnknownThreadComment(state: CommentsState, event: PartnershipEvent): boolean {
  return event.type === "comment.created" && !(event.comment.threadId in state.threads);
}

/** A subject's threads: open ones first, each group newest first. */
export function threadsAbout(state: CommentsState, subject: CommentSubject): CommentThreadView[] {
  return Object.values(state.threads)
    .filter((thread) => isAbout(thread.target, subject))
    .sort((a, b) => (a.status === b.status ? byTime(b, a) : a.status === "open" ? -1 : 1));
}

/** How many comments the open threads of an item hold (what its comment button shows). */
export function openCommentCount(state: CommentsState, subject: CommentSubject): number {
  let count = 0;
  for (const thread of Object.values(state.threads)) {
    if (thread.status === "open" && isAbout(thread.target, subject)) {
      count += thread.comments.length;
    }
  }
  return count;
}
