/**
 * Comment threads on the wire (see docs/API.md, "Comments"): threads anchored on a range of
 * the charter or attached to an item, their comments, and their live events. Types only.
 */
import type { AuthorView, RichTextDoc } from "./common.js";

/** Items of a partnership a thread can be attached to (their id in the item's document). */
export type CommentItemKind =
  "objective" | "action" | "kpi" | "issue" | "decision" | "contribution" | "constraint";

/**
 * A range of the charter: `start` and `end` are base64 Yjs relative positions in the
 * charter's XML fragment (`@entente/editor`'s `resolveCharterAnchor` finds the range again
 * after any edits); `quote` is the text they covered when the thread was opened, as the
 * server read it from the charter (a client's own quote is ignored).
 */
export interface CharterAnchorView {
  start: string;
  end: string;
  quote: string;
}

/** What a thread is about. */
export type CommentTarget =
  { kind: "charter"; anchor: CharterAnchorView } | { kind: CommentItemKind; id: string };

export type CommentThreadStatus = "open" | "resolved";

export interface CommentView {
  id: string;
  threadId: string;
  author: AuthorView;
  body: RichTextDoc;
  createdAt: string;
}

export interface CommentThreadView {
  id: string;
  partnershipId: string;
  target: CommentTarget;
  status: CommentThreadStatus;
  /** Who resolved it and when, while it is resolved. */
  resolvedBy: { id: string; name: string } | null;
  resolvedAt: string | null;
  createdAt: string;
  /** Oldest first; the first one opened the thread. */
  comments: CommentView[];
}

/** `POST /api/partnerships/:id/comment-threads`, `GET /api/comment-threads/:threadId`, resolve, reopen. */
export interface CommentThreadResponse {
  thread: CommentThreadView;
}

/** `GET /api/partnerships/:id/comment-threads`: newest thread first. */
export interface CommentThreadListResponse {
  threads: CommentThreadView[];
  nextCursor: string | null;
}

/** `POST /api/comment-threads/:threadId/comments`. */
export interface CommentResponse {
  comment: CommentView;
}

/** Comment events on `GET /api/partnerships/:id/events`. */
export type CommentFeedEvent =
  | { type: "thread.created"; thread: CommentThreadView }
  | { type: "comment.created"; comment: CommentView }
  | { type: "thread.resolved"; thread: CommentThreadView }
  | { type: "thread.reopened"; thread: CommentThreadView };
