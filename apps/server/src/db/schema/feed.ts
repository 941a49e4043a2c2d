import type { Generated } from "kysely";
import type {
  CommentItemKind,
  CommentThreadStatus,
  DigestFrequency,
  Language,
  NotificationItem,
  NotificationKind,
  PostTag,
  ReactionName,
} from "@entente/protocol";
import type { Millis } from "./millis.js";

/**
 * The updates feed and what follows from it (feed/, digest/, mail/): posts, replies,
 * reactions, reads, comment threads, notifications and their settings, digests, the
 * watches' marks, reply-by-e-mail addresses.
 */

/**
 * A post of a partnership's updates feed. Deleting one keeps a tombstone (title, body,
 * links and search text emptied, `deleted_at` set) so its thread and notifications keep
 * pointing somewhere.
 */
export interface PostsTable {
  id: string;
  partnership_id: string;
  /** Stamped by the server from the session and the author's seat, never from the body. */
  author_user_id: string;
  author_organization_id: string;
  title: string;
  /** Tiptap JSON (`RichTextDoc`) as text; "null" once deleted. */
  body: string;
  tag: PostTag;
  /** `ItemLink[]` as JSON text. */
  links: string;
  /** Title and body as lower-cased plain text: what `?q=` searches with LIKE. */
  search_text: string;
  created_at: Millis;
  edited_at: Millis | null;
  deleted_at: Millis | null;
}

/** A reply in a post's thread; deleted replies are tombstones like posts. */
export interface RepliesTable {
  id: string;
  post_id: string;
  partnership_id: string;
  author_user_id: string;
  author_organization_id: string;
  body: string;
  search_text: string;
  created_at: Millis;
  edited_at: Millis | null;
  deleted_at: Millis | null;
}

/** One reaction per user per post or reply: a new one replaces the old. */
export interface ReactionsTable {
  target_kind: "post" | "reply";
  /** The post's or the reply's id. */
  target_id: string;
  /** The thread's post, so one query loads a thread's reactions. */
  post_id: string;
  user_id: string;
  reaction: ReactionName;
  created_at: Millis;
}

/** Who has read a post ("seen by"): the first time they did. */
export interface PostReadsTable {
  post_id: string;
  user_id: string;
  /** The reader's seat organization when they read it. */
  organization_id: string;
  read_at: Millis;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  partnership_id: string;
  kind: NotificationKind;
  /** Exactly one of `post_id` and `thread_id` is set (since 0005). */
  post_id: string | null;
  reply_id: string | null;
  thread_id: string | null;
  comment_id: string | null;
  /** Since 0009: an item notification (`decision`, `charter`) instead of a post or comment. */
  item_kind: NotificationItem["kind"] | null;
  item_id: string | null;
  item_title: string | null;
  /** Since 0010, for an `action` or `issue`: its status and due date (`YYYY-MM-DD`) then. */
  item_status: string | null;
  item_due_date: string | null;
  /** The actor's organization, for item notifications (posts and comments carry their own). */
  actor_organization_id: string | null;
  actor_user_id: string;
  /** Since 0016: 0 when the server's records do not say who did it (the text says "someone"). */
  actor_known: Generated<number>;
  /** Since 0016, for a decision: whom it names as proposer when not who recorded it. */
  item_proposed_by: string | null;
  created_at: Millis;
  read_at: Millis | null;
}

/** A comment thread on a range of the charter or on an item of the partnership. */
export interface CommentThreadsTable {
  id: string;
  partnership_id: string;
  /** Who opened it, stamped by the server. */
  author_user_id: string;
  author_organization_id: string;
  target_kind: "charter" | CommentItemKind;
  /** The item's id; null for the charter. */
  target_id: string | null;
  /** Base64 Yjs relative positions and the quoted text; set for the charter only. */
  anchor_start: string | null;
  anchor_end: string | null;
  quote: string | null;
  status: CommentThreadStatus;
  resolved_by: string | null;
  resolved_at: Millis | null;
  created_at: Millis;
}

/** A comment of a thread (the first one opened it). */
export interface CommentsTable {
  id: string;
  thread_id: string;
  partnership_id: string;
  author_user_id: string;
  author_organization_id: string;
  /** Tiptap JSON (`RichTextDoc`) as text, mentions relabelled by the server. */
  body: string;
  created_at: Millis;
}

/** A user's notification settings; a user without a row has the defaults. */
export interface UserPreferencesTable {
  user_id: string;
  /** The language of their e-mails; null: not known (English). */
  language: Language | null;
  /** `{[kind]: boolean}` as JSON text: the e-mail choices the user made. */
  email_kinds: string;
  updated_at: Millis;
}

/** How often a user gets a partnership's digest; no row means "off". */
export interface DigestSubscriptionsTable {
  user_id: string;
  partnership_id: string;
  frequency: DigestFrequency;
}

/** A digest claimed for sending: one per user, partnership and period (`day:2026-11-26`, `week:2026-W48`). */
export interface DigestDeliveriesTable {
  user_id: string;
  partnership_id: string;
  period_key: string;
  created_at: Millis;
}

/** An event the governance watch already notified (`decision-waiting:<id>:<org>`, …). */
export interface NotificationMarksTable {
  key: string;
  partnership_id: string;
  created_at: Millis;
}

/** The status the item watch last saw of an action or issue (since 0010). */
export interface ItemWatchTable {
  partnership_id: string;
  item_kind: "action" | "issue";
  item_id: string;
  status: string;
  /** The document's latest `document_updates.id` when this status was seen (0: none). */
  last_update_id: number;
  seen_at: Millis;
}

/**
 * What a reply address's key stands for: one user answering one thread (a post's replies or
 * a comment thread). The address itself is signed and carries its expiry (mail/reply-addresses.ts).
 */
export interface ReplyAddressesTable {
  id: string;
  user_id: string;
  partnership_id: string;
  target_kind: "post" | "thread" | "meeting";
  target_id: string;
  created_at: Millis;
}
