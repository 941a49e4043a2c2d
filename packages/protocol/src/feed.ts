import type { CommentFeedEvent } from "./comments.js";
import type { AuthorView, RichTextDoc } from "./common.js";
import type { MeetingChangedEvent } from "./meetings.js";
import type { MembershipChangedEvent } from "./membership.js";
import type { WorkshopChangedEvent } from "./workshops.js";

/**
 * The updates feed on the wire: posts, replies, reactions, "seen by", notifications and
 * the live events of `GET /api/partnerships/:id/events` and `GET /api/notifications/events`
 * (see docs/API.md). Types only: the server validates, the web app renders.
 */

/** What a post is about; partners are asked to share difficulties as openly as successes. */
export type PostTag = "success" | "difficulty" | "information" | "request";

/** The reactions a member can leave, one per member per post or reply (names, not glyphs). */
export type ReactionName = "thumbs_up" | "heart" | "tada" | "pray" | "eyes" | "thinking";

/** Items of the partnership a post can point at. */
export type ItemLinkKind =
  "objective" | "kpi" | "action" | "issue" | "decision" | "charter-section";

/** A link from a post to an item (its id in the item's document). */
export interface ItemLink {
  kind: ItemLinkKind;
  id: string;
}

/** Who left one kind of reaction. */
export interface ReactionView {
  name: ReactionName;
  count: number;
  userIds: string[];
}

/** One organization's members who have read a post. */
export interface SeenByOrganization {
  id: string;
  name: string;
  members: { id: string; name: string; seenAt: string }[];
}

/** Organizations (in partnership order) with at least one member who read the post. */
export interface SeenByView {
  organizations: SeenByOrganization[];
}

/**
 * A post of the feed. A deleted post is a tombstone (`deletedAt` set, `title` empty, `body`
 * null, no links) kept while its thread has replies.
 */
export interface PostView {
  id: string;
  partnershipId: string;
  author: AuthorView;
  title: string;
  body: RichTextDoc | null;
  tag: PostTag;
  links: ItemLink[];
  createdAt: string;
  /** Set once the author edited it: the UI shows "edited". */
  editedAt: string | null;
  deletedAt: string | null;
  replyCount: number;
  reactions: ReactionView[];
  seenBy: SeenByView;
}

/** A reply in a post's thread; a deleted one keeps its place with `body` null. */
export interface ReplyView {
  id: string;
  postId: string;
  author: AuthorView;
  body: RichTextDoc | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  reactions: ReactionView[];
}

/** `GET /api/partnerships/:id/posts`: newest first. */
export interface PostListResponse {
  posts: PostView[];
  /** Pass as `?before=` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** `POST /api/partnerships/:id/posts`, `PATCH /api/posts/:postId`. */
export interface PostResponse {
  post: PostView;
}

/** `GET /api/posts/:postId`: the post and its whole thread, oldest reply first. */
export interface PostThreadResponse {
  post: PostView;
  replies: ReplyView[];
}

/** `POST /api/posts/:postId/replies`, `PATCH /api/replies/:replyId`. */
export interface ReplyResponse {
  reply: ReplyView;
}

/** `PUT`/`DELETE` of `/api/posts/:postId/reaction` and `/api/replies/:replyId/reaction`. */
export interface ReactionsResponse {
  reactions: ReactionView[];
}

/** `POST /api/posts/:postId/seen`. */
export interface SeenResponse {
  seenBy: SeenByView;
}

/**
 * Why someone is notified: mentioned by name, mentioned through their organization
 * (`@Northwind`), or someone replied to their post or comment thread.
 */
export type NotificationKind =
  | "mention"
  | "organization_mention"
  | "reply"
  /** A proposed decision waits for the vote of the user's organization. */
  | "decision_waiting"
  /** The charter changed since the user's organization endorsed it. */
  | "charter_changed"
  /** An action or issue the user owns changed status (someone else changed it). */
  | "item_status_changed"
  /** An action or issue the user owns passed its due date unfinished. */
  | "item_overdue"
  /** Someone of another organization deleted an entry the user's organization owns (trash). */
  | "item_deleted"
  /** An organization joined the partnership (every organization approved its invitation). */
  | "organization_joined"
  /** Someone joined the partnership through a member invitation. */
  | "member_joined"
  /** A member left the partnership, or was removed from it. */
  | "member_left"
  /** A health check cycle opened: the user is invited to answer. */
  | "health_check_opened"
  /** A health check cycle closed: its results are out. */
  | "health_check_results";

interface NotificationBase {
  id: string;
  kind: NotificationKind;
  partnershipId: string;
  /** Who did it, as the server recorded it; empty when `actorUnknown`. */
  actor: AuthorView;
  /** The server's records do not say who did it: the text says "someone". */
  actorUnknown?: true;
  createdAt: string;
  readAt: string | null;
}

/** A notification about a post, or one of its replies. */
export interface PostNotificationView extends NotificationBase {
  postId: string;
  /** The post's title now. */
  postTitle: string;
  /** Set when it happened in a reply. */
  replyId: string | null;
}

/** A notification about a comment of a comment thread (tell them apart by `threadId`). */
export interface CommentNotificationView extends NotificationBase {
  threadId: string;
  commentId: string;
}

/** Where an action stands (the statuses of `@entente/schema`'s actions, on the wire). */
export type ActionStatusName = "todo" | "in_progress" | "blocked" | "done" | "cancelled";

/** Where an entry of the open-issues log stands (as `@entente/schema` names them). */
export type IssueStatusName = "open" | "in_progress" | "resolved" | "closed";

/**
 * What an item notification points at: a decision (`id` is the decision's) or the charter
 * (`id` null); or an action or issue someone owns, with its status and due date
 * (`YYYY-MM-DD` or null) when the notification was made.
 */
export type NotificationItem =
  | {
      kind: "decision" | "charter" | "health_check";
      id: string | null;
      title: string;
      /** A decision naming as proposer someone other than who recorded it (the actor). */
      proposedBy?: string;
    }
  | { kind: "action"; id: string; title: string; status: ActionStatusName; dueDate: string | null }
  | { kind: "issue"; id: string; title: string; status: IssueStatusName; dueDate: string | null }
  /** A deleted entry in the partnership's trash (`id`: the trash entry's). */
  | { kind: "trash"; id: string; title: string }
  /** An organization that joined: `title` is its name then. */
  | { kind: "organization"; id: string; title: string }
  /** A member who joined or left: `id` is their user id, `title` their name then. */
  | { kind: "member"; id: string; title: string };

/**
 * A notification about an item of the partnership (tell it apart by `item`): a decision
 * waiting for the organization's vote, or the charter changed since the organization
 * endorsed it; `actor` proposed the decision, or edited the charter last. Or an action or
 * issue the user owns changed status (`actor` changed it) or became overdue (`actor` edited
 * its document last).
 */
export interface ItemNotificationView extends NotificationBase {
  item: NotificationItem;
}

export type NotificationView =
  PostNotificationView | CommentNotificationView | ItemNotificationView;

/**
 * `GET /api/notifications`: newest first; with `?partnershipId=` and/or `?kind=` (one or
 * several), only the notifications they match.
 */
export interface NotificationListResponse {
  notifications: NotificationView[];
  /** How many of the caller's notifications are unread, over all pages (filters aside). */
  unread: number;
  /** With a filter only: how many of the notifications it matches are unread. */
  unreadMatching?: number;
  nextCursor: string | null;
}

/** `POST /api/notifications/:id/read`, `POST /api/notifications/read-all`. */
export interface UnreadCountResponse {
  unread: number;
}

/** Events on `GET /api/partnerships/:id/events` (SSE `data:` lines, JSON). */
export type PartnershipFeedEvent =
  | { type: "post.created"; post: PostView }
  | { type: "post.updated"; post: PostView }
  | { type: "post.deleted"; postId: string }
  | { type: "reply.created"; reply: ReplyView; replyCount: number }
  | { type: "reply.updated"; reply: ReplyView }
  | { type: "reply.deleted"; postId: string; replyId: string }
  | {
      type: "reactions.changed";
      postId: string;
      replyId: string | null;
      reactions: ReactionView[];
    }
  | { type: "post.seen"; postId: string; seenBy: SeenByView };

/** Events on `GET /api/notifications/events`: the caller's own notifications. */
export type UserFeedEvent =
  | { type: "notification.created"; notification: NotificationView; unread: number }
  | { type: "notifications.read"; unread: number };

/**
 * Everything `GET /api/partnerships/:id/events` carries: the feed's events, the comment
 * threads' events, meeting changes, workshop changes and changes of who is in the
 * partnership. Clients ignore types they do not know.
 */
export type PartnershipEvent =
  | PartnershipFeedEvent
  | CommentFeedEvent
  | MeetingChangedEvent
  | WorkshopChangedEvent
  | MembershipChangedEvent;

export type FeedEvent = PartnershipEvent | UserFeedEvent;
