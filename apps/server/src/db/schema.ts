import type { Generated } from "kysely";
import type { GovernanceLevel, Permission } from "@entente/domain";
import type {
  CommentItemKind,
  CommentThreadStatus,
  DigestFrequency,
  Language,
  NotificationKind,
  PostTag,
  ReactionName,
} from "@entente/protocol";

/** Times are milliseconds since the epoch in both SQLite and PostgreSQL. */
type Millis = number;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: Millis;
}

export interface SessionsTable {
  /** SHA-256 of the session token, hex; the token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: Millis;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: Millis;
}

export interface OrganizationMembersTable {
  organization_id: string;
  /** A user belongs to one organization: unique. */
  user_id: string;
  role: Permission;
}

export interface PartnershipsTable {
  id: string;
  name: string;
  created_by: string;
  created_at: Millis;
}

export interface PartnershipOrganizationsTable {
  partnership_id: string;
  organization_id: string;
  joined_at: Millis;
}

export interface PartnershipMembersTable {
  partnership_id: string;
  user_id: string;
  organization_id: string;
  permission: Permission;
  level: GovernanceLevel;
}

export interface InvitationsTable {
  /** SHA-256 of the invitation token, hex. */
  id: string;
  partnership_id: string;
  kind: "organization" | "member";
  role: Permission;
  level: GovernanceLevel;
  /** For member invitations: the organization the invitee joins. */
  organization_id: string | null;
  created_by: string;
  created_at: Millis;
  expires_at: Millis;
  accepted_by: string | null;
  accepted_at: Millis | null;
}

export interface DocumentUpdatesTable {
  id: Generated<number>;
  document_name: string;
  /** Empty once compaction moved its content into the document's snapshot. */
  update: Uint8Array;
  /** Who sent it, stamped by the server; null for server-written content (seed). */
  user_id: string | null;
  organization_id: string | null;
  created_at: Millis;
}

/** The merge of a document's updates up to `last_update_id` (written by compaction). */
export interface DocumentSnapshotsTable {
  document_name: string;
  state: Uint8Array;
  last_update_id: number;
  updated_at: Millis;
}

/** One organization's endorsement of one version of the charter; never updated. */
export interface CharterEndorsementsTable {
  id: Generated<number>;
  partnership_id: string;
  /** The endorser's seat organization, stamped by the server. */
  organization_id: string;
  user_id: string;
  /** Lowercase hex SHA-256 of the charter's `Y.encodeStateAsUpdate` when endorsed. */
  version: string;
  created_at: Millis;
}

/** One organization's vote on one decision of `<pid>/decisions`; never updated. */
export interface DecisionVotesTable {
  id: Generated<number>;
  partnership_id: string;
  /** The decision's id in the decisions document. */
  decision_id: string;
  /** Position in the decision's history, from 1; unique per decision. */
  seq: number;
  /** The voter's seat organization, stamped by the server. */
  organization_id: string;
  user_id: string;
  vote: "approve" | "reject";
  comment: string | null;
  /** The decision's outcome right after this vote; once not "pending", final. */
  outcome: "pending" | "approved" | "rejected";
  created_at: Millis;
}

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
  item_kind: "decision" | "charter" | null;
  item_id: string | null;
  item_title: string | null;
  /** The actor's organization, for item notifications (posts and comments carry their own). */
  actor_organization_id: string | null;
  actor_user_id: string;
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

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  organizations: OrganizationsTable;
  organization_members: OrganizationMembersTable;
  partnerships: PartnershipsTable;
  partnership_organizations: PartnershipOrganizationsTable;
  partnership_members: PartnershipMembersTable;
  invitations: InvitationsTable;
  document_updates: DocumentUpdatesTable;
  document_snapshots: DocumentSnapshotsTable;
  charter_endorsements: CharterEndorsementsTable;
  decision_votes: DecisionVotesTable;
  posts: PostsTable;
  replies: RepliesTable;
  reactions: ReactionsTable;
  post_reads: PostReadsTable;
  notifications: NotificationsTable;
  comment_threads: CommentThreadsTable;
  comments: CommentsTable;
  user_preferences: UserPreferencesTable;
  digest_subscriptions: DigestSubscriptionsTable;
  digest_deliveries: DigestDeliveriesTable;
  notification_marks: NotificationMarksTable;
}
