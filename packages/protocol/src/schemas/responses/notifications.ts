/*
 * JSON answers of the signed-in user's in-app notifications (`/api/notifications`, see
 * docs/API.md). Their live events are in `feed.ts`.
 */
import { z } from "zod";
import { NOTIFICATION_KINDS } from "../../vocabulary.js";
import { AuthorView } from "./common.js";

const notificationBaseFields = {
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  partnershipId: z.string(),
  /** Who did it, as the server recorded it; empty when `actorUnknown`. */
  actor: AuthorView,
  /** The server's records do not say who did it: the text says "someone". */
  actorUnknown: z.literal(true).optional(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
};

/** A notification about a post, or one of its replies. */
export const PostNotificationView = z.strictObject({
  ...notificationBaseFields,
  postId: z.string(),
  /** The post's title now. */
  postTitle: z.string(),
  /** Set when it happened in a reply. */
  replyId: z.string().nullable(),
});
export type PostNotificationView = z.infer<typeof PostNotificationView>;

/** A notification about a comment of a comment thread (tell them apart by `threadId`). */
export const CommentNotificationView = z.strictObject({
  ...notificationBaseFields,
  threadId: z.string(),
  commentId: z.string(),
});
export type CommentNotificationView = z.infer<typeof CommentNotificationView>;

/** Where an action stands (the statuses of `@entente/schema`'s actions, on the wire). */
export const ActionStatusName = z.enum(["todo", "in_progress", "blocked", "done", "cancelled"]);
export type ActionStatusName = z.infer<typeof ActionStatusName>;

/** Where an entry of the open-issues log stands (as `@entente/schema` names them). */
export const IssueStatusName = z.enum(["open", "in_progress", "resolved", "closed"]);
export type IssueStatusName = z.infer<typeof IssueStatusName>;

/**
 * What an item notification points at: a decision (`id` is the decision's) or the charter
 * (`id` null); or an action or issue someone owns, with its status and due date
 * (`YYYY-MM-DD` or null) when the notification was made.
 */
export const NotificationItem = z.union([
  z.strictObject({
    kind: z.enum(["decision", "charter", "health_check"]),
    id: z.string().nullable(),
    title: z.string(),
    /** A decision naming as proposer someone other than who recorded it (the actor). */
    proposedBy: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("action"),
    id: z.string(),
    title: z.string(),
    status: ActionStatusName,
    dueDate: z.string().nullable(),
  }),
  z.strictObject({
    kind: z.literal("issue"),
    id: z.string(),
    title: z.string(),
    status: IssueStatusName,
    dueDate: z.string().nullable(),
  }),
  /**
   * A deleted entry in the partnership's trash (`id`: the trash entry's); an organization
   * that joined (`title`: its name then); a member who joined or left (`id`: their user id,
   * `title`: their name then).
   */
  z.strictObject({
    kind: z.enum(["trash", "organization", "member"]),
    id: z.string(),
    title: z.string(),
  }),
]);
export type NotificationItem = z.infer<typeof NotificationItem>;

/**
 * A notification about an item of the partnership (tell it apart by `item`): a decision
 * waiting for the organization's vote, or the charter changed since the organization
 * endorsed it; `actor` proposed the decision, or edited the charter last. Or an action or
 * issue the user owns changed status (`actor` changed it) or became overdue (`actor` edited
 * its document last).
 */
export const ItemNotificationView = z.strictObject({
  ...notificationBaseFields,
  item: NotificationItem,
});
export type ItemNotificationView = z.infer<typeof ItemNotificationView>;

export const NotificationView = z.union([
  PostNotificationView,
  CommentNotificationView,
  ItemNotificationView,
]);
export type NotificationView = z.infer<typeof NotificationView>;

/**
 * `GET /api/notifications`: newest first; with `?partnershipId=` and/or `?kind=` (one or
 * several), only the notifications they match.
 */
export const NotificationListResponse = z.strictObject({
  notifications: z.array(NotificationView),
  /** How many of the caller's notifications are unread, over all pages (filters aside). */
  unread: z.number(),
  /** With a filter only: how many of the notifications it matches are unread. */
  unreadMatching: z.number().optional(),
  nextCursor: z.string().nullable(),
});
export type NotificationListResponse = z.infer<typeof NotificationListResponse>;

/** `POST /api/notifications/:id/read`, `POST /api/notifications/read-all`. */
export const UnreadCountResponse = z.strictObject({ unread: z.number() });
export type UnreadCountResponse = z.infer<typeof UnreadCountResponse>;
