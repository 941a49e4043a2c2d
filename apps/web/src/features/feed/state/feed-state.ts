import type {
  PartnershipFeedEvent,
  PostView,
  ReactionView,
  ReplyView,
  SeenByView,
} from "@entente/protocol";

/**
 * What the updates feed shows: the loaded pages of posts (newest first), the threads that
 * were opened, and the posts opened from elsewhere (a notification). One reducer applies
 * both the user's own answers and the live events of the partnership, so both paths agree.
 */
export interface FeedState {
  posts: Record<string, PostView>;
  /** Ids of the listed posts, newest first. */
  order: string[];
  nextCursor: string | null;
  loaded: boolean;
  /** Opened threads, oldest reply first; absent until the thread was fetched. */
  threads: Record<string, ReplyView[]>;
}

export const emptyFeed: FeedState = {
  posts: {},
  order: [],
  nextCursor: null,
  loaded: false,
  threads: {},
};

export type FeedAction =
  /** Another search: the list starts again (posts and threads already read are kept). */
  | { type: "reset" }
  | { type: "page"; posts: PostView[]; nextCursor: string | null; append: boolean }
  | { type: "thread"; post: PostView; replies: ReplyView[] }
  | { type: "post"; post: PostView; prepend?: boolean }
  | { type: "seen"; postId: string; seenBy: SeenByView }
  | { type: "reactions"; postId: string; replyId: string | null; reactions: ReactionView[] }
  | { type: "reply"; reply: ReplyView; replyCount?: number }
  | { type: "event"; event: PartnershipFeedEvent; listsNewPosts: boolean };

function withPost(state: FeedState, id: string, change: (post: PostView) => PostView): FeedState {
  const post = state.posts[id];
  return post ? { ...state, posts: { ...state.posts, [id]: change(post) } } : state;
}

function withReplies(
  state: FeedState,
  postId: string,
  change: (replies: ReplyView[]) => ReplyView[],
): FeedState {
  const replies = state.threads[postId];
  return replies ? { ...state, threads: { ...state.threads, [postId]: change(replies) } } : state;
}

function upsertReply(replies: ReplyView[], reply: ReplyView): ReplyView[] {
  return replies.some((r) => r.id === reply.id)
    ? replies.map((r) => (r.id === reply.id ? reply : r))
    : [...replies, reply];
}

/** A deleted post stays listed (as "deleted") only while its thread has replies. */
function removePost(state: FeedState, postId: string, deletedAt: string): FeedState {
  const post = state.posts[postId];
  if (!post) return state;
  if (post.replyCount > 0) {
    return withPost(state, postId, (p) => ({
      ...p,
      title: "",
      body: null,
      links: [],
      reactions: [],
      deletedAt: p.deletedAt ?? deletedAt,
    }));
  }
  return { ...state, order: state.order.filter((id) => id !== postId) };
}

function applyEvent(
  state: FeedState,
  event: PartnershipFeedEvent,
  listsNewPosts: boolean,
  now: string,
): FeedState {
  switch (event.type) {
    case "post.created":
      return feedReducer(state, { type: "post", post: event.post, prepend: listsNewPosts });
    case "post.updated":
      return feedReducer(state, { type: "post", post: event.post });
    case "post.deleted":
      return removePost(state, event.postId, now);
    case "reply.created":
      return feedReducer(state, {
        type: "reply",
        reply: event.reply,
        replyCount: event.replyCount,
      });
    case "reply.updated":
      return feedReducer(state, { type: "reply", reply: event.reply });
    case "reply.deleted": {
      const replies = state.threads[event.postId];
      const wasLive = replies?.some((r) => r.id === event.replyId && r.deletedAt === null) ?? true;
      let next = withReplies(state, event.postId, (list) =>
        list.map((r) =>
          r.id === event.replyId
            ? { ...r, body: null, reactions: [], deletedAt: r.deletedAt ?? now }
            : r,
        ),
      );
      if (wasLive) {
        next = withPost(next, event.postId, (p) => ({
          ...p,
          replyCount: Math.max(0, p.replyCount - 1),
        }));
      }
      const post = next.posts[event.postId];
      // The last reply of a deleted post went: the post leaves the feed too.
      if (post?.deletedAt && post.replyCount === 0) {
        next = { ...next, order: next.order.filter((id) => id !== event.postId) };
      }
      return next;
    }
    case "reactions.changed":
      return feedReducer(state, {
        type: "reactions",
        postId: event.postId,
        replyId: event.replyId,
        reactions: event.reactions,
      });
    case "post.seen":
      return feedReducer(state, { type: "seen", postId: event.postId, seenBy: event.seenBy });
    default:
      // The same stream carries other features' events (comment threads): not the feed's.
      return state;
  }
}

export function feedReducer(state: FeedState, action: FeedAction): FeedState {
  switch (action.type) {
    case "reset":
      return { ...state, order: [], nextCursor: null, loaded: false };
    case "page": {
      const posts = { ...state.posts };
      for (const post of action.posts) posts[post.id] = post;
      const ids = action.posts.map((p) => p.id);
      let order: string[];
      if (action.append) {
        order = [...state.order, ...ids.filter((id) => !state.order.includes(id))];
      } else {
        // Posts that arrived live while the page was on its way are newer than it: kept.
        const newest = action.posts[0]?.createdAt ?? "";
        const newer = state.order.filter((id) => {
          const post = state.posts[id];
          return !ids.includes(id) && post !== undefined && post.createdAt > newest;
        });
        order = [...newer, ...ids];
      }
      return { ...state, posts, order, nextCursor: action.nextCursor, loaded: true };
    }
    case "thread":
      return {
        ...state,
        posts: { ...state.posts, [action.post.id]: action.post },
        threads: { ...state.threads, [action.post.id]: action.replies },
      };
    case "post": {
      const posts = { ...state.posts, [action.post.id]: action.post };
      const listed = state.order.includes(action.post.id);
      const order =
        action.prepend && !listed && state.loaded ? [action.post.id, ...state.order] : state.order;
      return { ...state, posts, order };
    }
    case "seen":
      return withPost(state, action.postId, (p) => ({ ...p, seenBy: action.seenBy }));
    case "reactions":
      if (action.replyId === null) {
        return withPost(state, action.postId, (p) => ({ ...p, reactions: action.reactions }));
      }
      return withReplies(state, action.postId, (replies) =>
        replies.map((r) => (r.id === action.replyId ? { ...r, reactions: action.reactions } : r)),
      );
    case "reply": {
      const { reply, replyCount } = action;
      let next = withReplies(state, reply.postId, (replies) => upsertReply(replies, reply));
      // The server's count when it sent one; else an opened thread is the whole thread.
      const thread = next.threads[reply.postId];
      const count = replyCount ?? thread?.filter((r) => r.deletedAt === null).length;
      if (count !== undefined)
        next = withPost(next, reply.postId, (p) => ({ ...p, replyCount: count }));
      return next;
    }
    case "event":
      return applyEvent(state, action.event, action.listsNewPosts, new Date().toISOString());
  }
}

/** Whether the user already counts among the post's readers. */
export function hasSeen(post: PostView, userId: string): boolean {
  return post.seenBy.organizations.some((o) => o.members.some((m) => m.id === userId));
}
