import type {
  CommentItemKind,
  CommentResponse,
  CommentTarget,
  CommentThreadListResponse,
  CommentThreadResponse,
  CommentThreadView,
  RichTextDoc,
} from "@entente/protocol";
import type { CommentBody, CreateThreadBody, RequestBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

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

function listPath(partnershipId: string, query: ThreadListQuery): string {
  const params = new URLSearchParams({ status: query.status, limit: String(PAGE_SIZE) });
  if (query.scope) {
    params.set("targetKind", query.scope.kind);
    if (query.scope.kind !== "charter") params.set("targetId", query.scope.id);
  }
  if (query.before) params.set("before", query.before);
  return `/api/partnerships/${segment(partnershipId)}/comment-threads?${params.toString()}`;
}

export const commentsApi = {
  list: (partnershipId: string, query: ThreadListQuery) =>
    api.get<CommentThreadListResponse>(listPath(partnershipId, query)),

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

  getThread: (threadId: string) =>
    api.get<CommentThreadResponse>(`/api/comment-threads/${segment(threadId)}`),

  createThread: (partnershipId: string, target: CommentTarget, body: RichTextDoc) =>
    api.post<CommentThreadResponse>(`/api/partnerships/${segment(partnershipId)}/comment-threads`, {
      target,
      body,
    } satisfies RequestBody<typeof CreateThreadBody>),

  comment: (threadId: string, body: RichTextDoc) =>
    api.post<CommentResponse>(`/api/comment-threads/${segment(threadId)}/comments`, {
      body,
    } satisfies RequestBody<typeof CommentBody>),

  resolve: (threadId: string) =>
    api.post<CommentThreadResponse>(`/api/comment-threads/${segment(threadId)}/resolve`),

  reopen: (threadId: string) =>
    api.post<CommentThreadResponse>(`/api/comment-threads/${segment(threadId)}/reopen`),
};
