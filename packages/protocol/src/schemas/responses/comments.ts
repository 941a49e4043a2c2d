/*
 * JSON answers of comment threads (see docs/API.md, "Comments"): threads anchored on a range
 * of the charter or attached to an item, and their comments. Their live events are in
 * `comments.ts`.
 */
import { z } from "zod";
import { COMMENT_ITEM_KINDS } from "../comments.js";
import { AuthorView, RichTextDoc } from "./common.js";

/** Items of a partnership a thread can be attached to (their id in the item's document). */
export const CommentItemKind = z.enum(COMMENT_ITEM_KINDS);
export type CommentItemKind = z.infer<typeof CommentItemKind>;

/**
 * A range of the charter: `start` and `end` are base64 Yjs relative positions in the
 * charter's XML fragment (`@entente/editor`'s `resolveCharterAnchor` finds the range again
 * after any edits); `quote` is the text they covered when the thread was opened, as the
 * server read it from the charter (a client's own quote is ignored).
 */
export const CharterAnchorView = z.strictObject({
  start: z.string(),
  end: z.string(),
  quote: z.string(),
});
export type CharterAnchorView = z.infer<typeof CharterAnchorView>;

/** What a thread is about. */
export const CommentTarget = z.union([
  z.strictObject({ kind: z.literal("charter"), anchor: CharterAnchorView }),
  z.strictObject({ kind: CommentItemKind, id: z.string() }),
]);
export type CommentTarget = z.infer<typeof CommentTarget>;

export const CommentThreadStatus = z.enum(["open", "resolved"]);
export type CommentThreadStatus = z.infer<typeof CommentThreadStatus>;

export const CommentView = z.strictObject({
  id: z.string(),
  threadId: z.string(),
  author: AuthorView,
  body: RichTextDoc,
  createdAt: z.string(),
});
export type CommentView = z.infer<typeof CommentView>;

export const CommentThreadView = z.strictObject({
  id: z.string(),
  partnershipId: z.string(),
  target: CommentTarget,
  status: CommentThreadStatus,
  /** Who resolved it and when, while it is resolved. */
  resolvedBy: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Oldest first; the first one opened the thread. */
  comments: z.array(CommentView),
});
export type CommentThreadView = z.infer<typeof CommentThreadView>;

/** `POST /api/partnerships/:id/comment-threads`, `GET /api/comment-threads/:threadId`, resolve, reopen. */
export const CommentThreadResponse = z.strictObject({ thread: CommentThreadView });
export type CommentThreadResponse = z.infer<typeof CommentThreadResponse>;

/** `GET /api/partnerships/:id/comment-threads`: newest thread first. */
export const CommentThreadListResponse = z.strictObject({
  threads: z.array(CommentThreadView),
  nextCursor: z.string().nullable(),
});
export type CommentThreadListResponse = z.infer<typeof CommentThreadListResponse>;

/** `POST /api/comment-threads/:threadId/comments`. */
export const CommentResponse = z.strictObject({ comment: CommentView });
export type CommentResponse = z.infer<typeof CommentResponse>;
