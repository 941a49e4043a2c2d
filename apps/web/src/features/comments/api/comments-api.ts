import type {
  CommentItemKind,
  CommentTarget,
  CommentThreadView,
  RichTextDoc,
} from "@entente/protocol";
import type { RouteQuery } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

/** Which threads a list asks for: the charter's, one item's, or all of the partnership's. */
export type ThreadScope = { kind: "charter" } | { kind: CommentItemKind; id: string } | null;

export interface ThreadListQuery {
  status: "open" | "resolved" | "all";
  scope: ThreadScope;
  before?: string | null;
}

const PAGE_SIZE = 50;
/** A partnership with more threads than this in one list is beyond what a page shows anyway. */
const MAX_PAGES = 40;

/** The list's query string, its fields in the order they were always sent. */
function listQuery(
  query: ThreadListQuery,
): RouteQuery<"GET /api/partnerships/:id/comment-threads"> {
  const { scope } = query;
  return {
    status: query.status,
    limit: PAGE_SIZE,
    targetKind: scope?.kind,
    targetId: scope && scope.kind !== "charter" ? scope.id : undefined,
    before: query.before || undefined,
  };
}

export const commentsApi = {
  list: (partnershipId: string, query: ThreadListQuery) =>
    api.call("GET /api/partnerships/:id/comment-threads", { id: partnershipId }, listQuery(query)),

  /** Every page of a list, newest thread first. */
  listAll: async (partnershipId: string, query: ThreadListQuery) => {
    const threads: CommentThreadView[] = [];
    let before: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await commentsApi.list(partnershipId, { ...query, before });
      threads.push(...answer.threads);
      before = answer.nextCursor;
      if (!before) break;
    }
    return threads;
  },

  getThread: (threadId: string) => api.call("GET /api/comment-threads/:threadId", { threadId }),

  createThread: (partnershipId: string, target: CommentTarget, body: RichTextDoc) =>
    api.call("POST /api/partnerships/:id/comment-threads", { id: partnershipId }, { target, body }),

  comment: (threadId: string, body: RichTextDoc) =>
    api.call("POST /api/comment-threads/:threadId/comments", { threadId }, { body }),

  resolve: (threadId: string) =>
    api.call("POST /api/comment-threads/:threadId/resolve", { threadId }),

  reopen: (threadId: string) =>
    api.call("POST /api/comment-threads/:threadId/reopen", { threadId }),
};
