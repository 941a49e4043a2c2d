import type { PartnershipFeedEvent, ReactionName, RichTextDoc } from "@entente/protocol";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { usePartnershipEvents } from "../../partnerships";
import { feedApi, type PostInput } from "../api/feed-api";
import { emptyFeed, feedReducer } from "../state/feed-state";
import { useFeedAnnouncements } from "./use-feed-announcements";

/** What the feed listens to on the partnership's event stream. */
export const FEED_EVENT_TYPES: readonly PartnershipFeedEvent["type"][] = [
  "post.created",
  "post.updated",
  "post.deleted",
  "reply.created",
  "reply.updated",
  "reply.deleted",
  "reactions.changed",
  "post.seen",
];

function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught));
}

/**
 * The updates feed of a partnership: pages of posts for a search (`q`, "" for all), the
 * threads opened, and the user's actions on them. Live events of the partnership are
 * applied as they come; after a break in the stream the first page and the opened threads
 * are read again (the server keeps no backlog).
 */
export function useFeed(partnershipId: string, q: string) {
  const [state, dispatch] = useReducer(feedReducer, emptyFeed);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // Answers for an older search are dropped.
  const ticket = useRef(0);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  const loadFirstPage = useCallback(async () => {
    const mine = ++ticket.current;
    try {
      const page = await feedApi.listPosts(partnershipId, { q });
      if (mine !== ticket.current) return;
      dispatch({ type: "page", posts: page.posts, nextCursor: page.nextCursor, append: false });
      setLoadError(null);
    } catch (caught) {
      if (mine === ticket.current) setLoadError(asApiError(caught));
    }
  }, [partnershipId, q]);

  useEffect(() => {
    dispatch({ type: "reset" });
    void loadFirstPage();
  }, [loadFirstPage]);

  const loadMore = useCallback(async () => {
    const cursor = stateRef.current.nextCursor;
    if (!cursor) return;
    const mine = ticket.current;
    setLoadingMore(true);
    try {
      const page = await feedApi.listPosts(partnershipId, { q, before: cursor });
      if (mine !== ticket.current) return;
      dispatch({ type: "page", posts: page.posts, nextCursor: page.nextCursor, append: true });
      setLoadError(null);
    } catch (caught) {
      if (mine === ticket.current) setLoadError(asApiError(caught));
    } finally {
      setLoadingMore(false);
    }
  }, [partnershipId, q]);

  const openThread = useCallback(async (postId: string) => {
    const thread = await feedApi.getThread(postId);
    dispatch({ type: "thread", post: thread.post, replies: thread.replies });
  }, []);

  const announceEvent = useFeedAnnouncements();
  const stream = usePartnershipEvents(partnershipId, FEED_EVENT_TYPES, {
    onEvent: (event) => {
      dispatch({ type: "event", event, listsNewPosts: q === "" });
      announceEvent(event);
    },
    onReconnect: () => {
      void loadFirstPage();
      for (const postId of Object.keys(stateRef.current.threads)) {
        openThread(postId).catch(() => undefined);
      }
    },
  });

  const actions = useMemo(
    () => ({
      create: async (input: PostInput) => {
        const { post } = await feedApi.createPost(partnershipId, input);
        dispatch({ type: "post", post, prepend: true });
      },
      edit: async (postId: string, changes: Partial<PostInput>) => {
        const { post } = await feedApi.editPost(postId, changes);
        dispatch({ type: "post", post });
      },
      remove: async (postId: string) => {
        await feedApi.deletePost(postId);
        dispatch({
          type: "event",
          event: { type: "post.deleted", postId },
          listsNewPosts: false,
        });
      },
      reply: async (postId: string, body: RichTextDoc) => {
        const { reply } = await feedApi.reply(postId, body);
        dispatch({ type: "reply", reply });
      },
      editReply: async (replyId: string, body: RichTextDoc) => {
        const { reply } = await feedApi.editReply(replyId, body);
        dispatch({ type: "reply", reply });
      },
      removeReply: async (postId: string, replyId: string) => {
        await feedApi.deleteReply(replyId);
        dispatch({
          type: "event",
          event: { type: "reply.deleted", postId, replyId },
          listsNewPosts: false,
        });
      },
      react: async (postId: string, replyId: string | null, reaction: ReactionName | null) => {
        const { reactions } = await feedApi.react(
          replyId === null ? { postId } : { replyId },
          reaction,
        );
        dispatch({ type: "reactions", postId, replyId, reactions });
      },
      markSeen: async (postId: string) => {
        const { seenBy } = await feedApi.markSeen(postId);
        dispatch({ type: "seen", postId, seenBy });
      },
    }),
    [partnershipId],
  );

  return { state, loadError, loadingMore, loadMore, openThread, stream, actions };
}

export type Feed = ReturnType<typeof useFeed>;
