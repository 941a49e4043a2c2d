/**
 * The live events of comment threads (see docs/API.md, "Comments"). Types only: the threads
 * and comments they carry are in `schemas/responses/comments.ts`.
 */
import type { CommentThreadView, CommentView } from "./schemas/responses/comments.js";

/** Comment events on `GET /api/partnerships/:id/events`. */
export type CommentFeedEvent =
  | { type: "thread.created"; thread: CommentThreadView }
  | { type: "comment.created"; comment: CommentView }
  | { type: "thread.resolved"; thread: CommentThreadView }
  | { type: "thread.reopened"; thread: CommentThreadView };
