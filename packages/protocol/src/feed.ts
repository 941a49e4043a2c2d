import type { CommentFeedEvent } from "./comments.js";
import type { MeetingChangedEvent } from "./meetings.js";
import type { MembershipChangedEvent } from "./membership.js";
import type { WorkshopChangedEvent } from "./workshops.js";
import type { PostView, ReactionView, ReplyView, SeenByView } from "./schemas/responses/feed.js";
import type { NotificationView } from "./schemas/responses/notifications.js";

/**
 * The live events of `GET /api/partnerships/:id/events` and `GET /api/notifications/events`
 * (see docs/API.md). Types only: the answers they carry are in `schemas/responses/feed.ts`
 * and `schemas/responses/notifications.ts`, their vocabulary in `vocabulary.ts`.
 */

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
