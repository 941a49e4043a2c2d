import type {
  PostListResponse,
  PostResponse,
  PostThreadResponse,
  ReactionName,
  ReactionsResponse,
  ReplyResponse,
  RichTextDoc,
  SeenResponse,
} from "@entente/protocol";
import type { CreatePostBody, EditPostBody, RequestBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

export type PostInput = RequestBody<typeof CreatePostBody>;

export const feedApi = {
  listPosts: (partnershipId: string, options: { before?: string | null; q?: string }) => {
    const query = new URLSearchParams();
    if (options.before) query.set("before", options.before);
    if (options.q) query.set("q", options.q);
    const suffix = query.size > 0 ? `?${query.toString()}` : "";
    return api.get<PostListResponse>(`/api/partnerships/${segment(partnershipId)}/posts${suffix}`);
  },

  createPost: (partnershipId: string, input: PostInput) =>
    api.post<PostResponse>(`/api/partnerships/${segment(partnershipId)}/posts`, input),

  getThread: (postId: string) => api.get<PostThreadResponse>(`/api/posts/${segment(postId)}`),

  editPost: (postId: string, changes: RequestBody<typeof EditPostBody>) =>
    api.patch<PostResponse>(`/api/posts/${segment(postId)}`, changes),

  deletePost: (postId: string) => api.delete<void>(`/api/posts/${segment(postId)}`),

  reply: (postId: string, body: RichTextDoc) =>
    api.post<ReplyResponse>(`/api/posts/${segment(postId)}/replies`, { body }),

  editReply: (replyId: string, body: RichTextDoc) =>
    api.patch<ReplyResponse>(`/api/replies/${segment(replyId)}`, { body }),

  deleteReply: (replyId: string) => api.delete<void>(`/api/replies/${segment(replyId)}`),

  /** Sets (a name) or removes (`null`) the caller's one reaction on a post or a reply. */
  react: (target: { postId: string } | { replyId: string }, reaction: ReactionName | null) => {
    const path =
      "postId" in target
        ? `/api/posts/${segment(target.postId)}/reaction`
        : `/api/replies/${segment(target.replyId)}/reaction`;
    return reaction === null
      ? api.delete<ReactionsResponse>(path)
      : api.put<ReactionsResponse>(path, { reaction });
  },

  markSeen: (postId: string) => api.post<SeenResponse>(`/api/posts/${segment(postId)}/seen`),
};
