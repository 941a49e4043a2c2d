/*
 * JSON answers of the updates feed (see docs/API.md): posts, replies, reactions, "seen by".
 * Their live events are in `feed.ts`.
 */
import { z } from "zod";
import { ITEM_LINK_KINDS, POST_TAGS, REACTION_NAMES } from "../../vocabulary.js";
import { AuthorView, RichTextDoc } from "./common.js";

/** A link from a post to an item (its id in the item's document). */
export const ItemLink = z.strictObject({ kind: z.enum(ITEM_LINK_KINDS), id: z.string() });
export type ItemLink = z.infer<typeof ItemLink>;

/** Who left one kind of reaction. */
export const ReactionView = z.strictObject({
  name: z.enum(REACTION_NAMES),
  count: z.number(),
  userIds: z.array(z.string()),
});
export type ReactionView = z.infer<typeof ReactionView>;

/** One organization's members who have read a post. */
export const SeenByOrganization = z.strictObject({
  id: z.string(),
  name: z.string(),
  members: z.array(z.strictObject({ id: z.string(), name: z.string(), seenAt: z.string() })),
});
export type SeenByOrganization = z.infer<typeof SeenByOrganization>;

/** Organizations (in partnership order) with at least one member who read the post. */
export const SeenByView = z.strictObject({ organizations: z.array(SeenByOrganization) });
export type SeenByView = z.infer<typeof SeenByView>;

/**
 * A post of the feed. A deleted post is a tombstone (`deletedAt` set, `title` empty, `body`
 * null, no links) kept while its thread has replies.
 */
export const PostView = z.strictObject({
  id: z.string(),
  partnershipId: z.string(),
  author: AuthorView,
  title: z.string(),
  body: RichTextDoc.nullable(),
  tag: z.enum(POST_TAGS),
  links: z.array(ItemLink),
  createdAt: z.string(),
  /** Set once the author edited it: the UI shows "edited". */
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  replyCount: z.number(),
  reactions: z.array(ReactionView),
  seenBy: SeenByView,
});
export type PostView = z.infer<typeof PostView>;

/** A reply in a post's thread; a deleted one keeps its place with `body` null. */
export const ReplyView = z.strictObject({
  id: z.string(),
  postId: z.string(),
  author: AuthorView,
  body: RichTextDoc.nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  reactions: z.array(ReactionView),
});
export type ReplyView = z.infer<typeof ReplyView>;

/** `GET /api/partnerships/:id/posts`: newest first. */
export const PostListResponse = z.strictObject({
  posts: z.array(PostView),
  /** Pass as `?before=` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type PostListResponse = z.infer<typeof PostListResponse>;

/** `POST /api/partnerships/:id/posts`, `PATCH /api/posts/:postId`. */
export const PostResponse = z.strictObject({ post: PostView });
export type PostResponse = z.infer<typeof PostResponse>;

/** `GET /api/posts/:postId`: the post and its whole thread, oldest reply first. */
export const PostThreadResponse = z.strictObject({ post: PostView, replies: z.array(ReplyView) });
export type PostThreadResponse = z.infer<typeof PostThreadResponse>;

/** `POST /api/posts/:postId/replies`, `PATCH /api/replies/:replyId`. */
export const ReplyResponse = z.strictObject({ reply: ReplyView });
export type ReplyResponse = z.infer<typeof ReplyResponse>;

/** `PUT`/`DELETE` of `/api/posts/:postId/reaction` and `/api/replies/:replyId/reaction`. */
export const ReactionsResponse = z.strictObject({ reactions: z.array(ReactionView) });
export type ReactionsResponse = z.infer<typeof ReactionsResponse>;

/** `POST /api/posts/:postId/seen`. */
export const SeenResponse = z.strictObject({ seenBy: SeenByView });
export type SeenResponse = z.infer<typeof SeenResponse>;
