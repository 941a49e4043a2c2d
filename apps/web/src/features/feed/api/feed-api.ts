import type { ReactionName, RichTextDoc } from "@entente/protocol";
import type { CreatePostBody, EditPostBody, RequestBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

export type PostInput = RequestBody<typeof CreatePostBody>;

export const feedApi = {
  listPosts: (partnershipId: string, options: { before?: string | null; q?: string }) =>
    api.call(
      "GET /api/partnerships/:id/posts",
      { id: partnershipId },
      // As before: an empty cursor or search is not sent.
      { before: options.before || undefined, q: options.q || undefined },
    ),

  createPost: (partnershipId: string, input: PostInput) =>
    api.call("POST /api/partnerships/:id/posts", { id: partnershipId }, input),

  getThread: (postId: string) => api.call("GET /api/posts/:postId", { postId }),

  editPost: (postId: string, changes: RequestBody<typeof EditPostBody>) =>
    api.call("PATCH /api/posts/:postId", { postId }, changes),

  deletePost: (postId: string) => api.call("DELETE /api/posts/:postId", { postId }),

  reply: (postId: string, body: RichTextDoc) =>
    api.call("POST /api/posts/:postId/replies", { postId }, { body }),

  editReply: (replyId: string, body: RichTextDoc) =>
    api.call("PATCH /api/replies/:replyId", { replyId }, { body }),

  deleteReply: (replyId: string) => api.call("DELETE /api/replies/:replyId", { replyId }),

  /** Sets (a name) or removes (`null`) the caller's one reaction on a post or a reply. */
  react: (target: { postId: string } | { replyId: string }, reaction: ReactionName | null) => {
    if ("postId" in target) {
      return reaction === null
        ? api.call("DELETE /api/posts/:postId/reaction", target)
        : api.call("PUT /api/posts/:postId/reaction", target, { reaction });
    }
    return reaction === null
      ? api.call("DELETE /api/replies/:replyId/reaction", target)
      : api.call("PUT /api/replies/:replyId/reaction", target, { reaction });
  },

  markSeen: (postId: string) => api.call("POST /api/posts/:postId/seen", { postId }),
};
