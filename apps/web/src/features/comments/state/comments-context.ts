import type { CommentTarget, CommentThreadView, RichTextDoc } from "@entente/protocol";
import { createContext, useEffect } from "react";
import { useRequiredContext } from "../../../lib/required-context";
import type { ApiError } from "../../../lib/api-client";
import type { StreamState } from "../../../lib/event-streams";
import type { CommentSubject, CommentsState } from "./comments-state";

/** The partnership's comment threads, kept live, and what the user can do with them. */
export interface CommentsStore {
  state: CommentsState;
  /** The partnership's event stream, while some part of the page shows comments. */
  stream: StreamState;
  /** Reading the open threads failed (shown where comments are). */
  loadError: ApiError | null;
  /** Editors and admins comment, resolve and reopen; viewers read (as the server enforces). */
  canComment: boolean;
  /** Whether the resolved threads of a subject were read (they are not, until asked for). */
  hasResolved: (subject: CommentSubject) => boolean;
  /** Reads a subject's resolved threads (for "Show resolved"); again after a break. */
  loadResolved: (subject: CommentSubject) => Promise<void>;
  actions: {
    createThread: (target: CommentTarget, body: RichTextDoc) => Promise<CommentThreadView>;
    comment: (threadId: string, body: RichTextDoc) => Promise<void>;
    resolve: (threadId: string) => Promise<void>;
    reopen: (threadId: string) => Promise<void>;
  };
  /** Keeps the threads loaded and the stream open while the caller is mounted. */
  retain: () => () => void;
  /**
   * The thread the URL names (`?thread=<id>`, where a comment's notification leads), once
   * read: the charter's panel brings it forward, or sends the page to its item's section,
   * where the item's dialog opens on it.
   */
  linked: CommentThreadView | null;
  /** Reading the thread the URL names failed (it is not in this partnership, or not found). */
  linkedError: ApiError | null;
  /** Drops `?thread=` from the URL (the linked thread was closed), keeping the rest. */
  clearLinked: () => void;
}

export const CommentsContext = createContext<CommentsStore | null>(null);

/**
 * The comment store of the partnership page, for a component that shows comments: while
 * one such component is mounted, the threads are loaded and kept live.
 */
export function useComments(): CommentsStore {
  const store = useRequiredContext(CommentsContext, "useComments", "CommentsProvider");
  const { retain } = store;
  useEffect(() => retain(), [retain]);
  return store;
}
