import type { Generated } from "kysely";
import type { GovernanceLevel, Permission } from "@entente/domain";
import type {
  CommentItemKind,
  CommentThreadStatus,
  DigestFrequency,
  HealthCheckStatus,
  Language,
  MeetingKind,
  PartnershipTemplateId,
  NoteConversionKind,
  NotificationItem,
  NotificationKind,
  PostTag,
  ReactionName,
  WorkshopPhase,
} from "@entente/protocol";

/** Times are milliseconds since the epoch in both SQLite and PostgreSQL. */
type Millis = number;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: Millis;
  /** The language the user last used the app in (its language cookie); null: not seen yet. */
  app_language: Language | null;
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
  /** The address the link was e-mailed to, if any (0025). */
  email: string | null;
  /** The inviter's seat organization when inviting: its admins may revoke (0025). */
  inviter_organization_id: string | null;
  revoked_by: string | null;
  revoked_at: Millis | null;
}

/** An organization's approval of an organization invitation of its partnership. */
export interface InvitationApprovalsTable {
  invitation_id: string;
  organization_id: string;
  approved_by: string;
  approved_at: Millis;
}

/** A failed sign-in (or one being checked) within the throttle's window. */
export interface LoginFailuresTable {
  id: string;
  /** The e-mail tried, lower-cased. */
  account: string;
  /** The client address (see `clientAddress`). */
  address: string;
  failed_at: Millis;
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
  /**
   * The charter's `charterVersion` when endorsed: SHA-256 of its visible content (lowercase
   * hex). Rows from before 0018 that no longer match the charter keep the old Yjs-state hash.
   */
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
  /** `decisionContentVersion` of the content voted on; null for votes cast before 0017. */
  content_version: string | null;
  created_at: Millis;
}

/** A proposed target of a KPI of `<pid>/objectives`, kept once applied, withdrawn or replaced. */
export interface KpiTargetProposalsTable {
  id: string;
  partnership_id: string;
  objective_id: string;
  kpi_id: string;
  target: number;
  note: string | null;
  proposed_by_user_id: string;
  /** The proposer's seat organization, stamped by the server; it agrees by proposing. */
  organization_id: string;
  /** JSON array of the organizations whose agreement it needed when proposed. */
  required_organization_ids: string;
  status: "pending" | "applied" | "withdrawn" | "replaced";
  created_at: Millis;
  resolved_at: Millis | null;
  withdrawn_by_user_id: string | null;
  withdrawn_by_organization_id: string | null;
}

/** One organization's agreement to a target proposal (its latest agreeing member). */
export interface KpiTargetAgreementsTable {
  proposal_id: string;
  organization_id: string;
  user_id: string;
  created_at: Millis;
}

/** The content of a decided decision, as decided; written once with the deciding vote. */
export interface DecisionAgreementsTable {
  partnership_id: string;
  decision_id: string;
  outcome: "approved" | "rejected";
  content_version: string;
  /** The `DecisionContent`, as JSON. */
  content: string;
  decided_at: Millis;
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

/** A meeting of a partnership; its live notes are the Yjs document `<pid>/meeting/<id>`. */
export interface MeetingsTable {
  id: string;
  partnership_id: string;
  title: string;
  kind: MeetingKind;
  level: GovernanceLevel;
  starts_at: Millis;
  duration_minutes: number;
  facilitator_user_id: string;
  /** Stamped by the server from the session and the creator's seat. */
  created_by_user_id: string;
  created_by_organization_id: string;
  created_at: Millis;
  /** IANA time zone the meeting is planned in (`Europe/Paris`). */
  time_zone: Generated<string>;
  /** Where it happens; empty when nowhere in particular. */
  place: Generated<string>;
  /** An https link to the video call, if any. */
  video_url: string | null;
  /** The iCalendar SEQUENCE: raised whenever its time, place or title moves. */
  calendar_sequence: Generated<number>;
}

/** What calendars keep of a deleted meeting for 30 days: enough to show it cancelled. */
export interface CancelledMeetingsTable {
  meeting_id: string;
  partnership_id: string;
  title: string;
  starts_at: Millis;
  duration_minutes: number;
  time_zone: string;
  place: string;
  calendar_sequence: number;
  cancelled_at: Millis;
  expires_at: Millis;
}

/** A member's private calendar feed: the SHA-256 of the token in its URL. */
export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: Millis;
}

/** Who takes part in a meeting, with their organization when they were added. */
export interface MeetingParticipantsTable {
  meeting_id: string;
  user_id: string;
  organization_id: string;
}

/** One item of a meeting's agenda; its notes are the fragment `agenda:<id>` of the meeting's document. */
export interface AgendaItemsTable {
  id: string;
  meeting_id: string;
  title: string;
  owner_organization_id: string;
  timebox_minutes: number;
  /** Order in the agenda, 0 first; contiguous. */
  position: number;
  created_at: Millis;
}

/**
 * One organization's sign-off of an agenda item; outlives the item and its meeting (then
 * `deleted_*` says who deleted them). Only `deleted_*` is ever updated.
 */
export interface AgendaSignOffsTable {
  id: Generated<number>;
  partnership_id: string;
  meeting_id: string;
  agenda_item_id: string;
  /** The signer's seat organization, stamped by the server. */
  organization_id: string;
  user_id: string;
  /** `signedContentVersion` of what was signed (before 0018: the notes' `xmlFragmentVersion`). */
  version: string;
  /** JSON `SignedContent` of what was signed; null for sign-offs from before 0018. */
  snapshot: string | null;
  created_at: Millis;
  deleted_at: Millis | null;
  deleted_by_user_id: string | null;
  deleted_by_organization_id: string | null;
}

/** A number for each distinct content version of a charter, in the order first seen. */
export interface CharterVersionsTable {
  partnership_id: string;
  version: string;
  number: number;
  first_seen_at: Millis;
}

/** The server saw the charter at this version, after seeing another one (or none) before. */
export interface CharterVersionSightingsTable {
  id: Generated<number>;
  partnership_id: string;
  version: string;
  seen_at: Millis;
}

/** One-off upgrade steps run at start (`db/upgrades.ts`), once each. */
export interface ServerUpgradesTable {
  name: string;
  done_at: Millis;
}

/** How often a governance level of a partnership meets; a level without a row has no rhythm. */
export interface GovernanceRhythmsTable {
  partnership_id: string;
  level: GovernanceLevel;
  interval_days: number;
}

/** The workshop of a meeting: phase, shared timer, vote (board rows are in the tables below). */
export interface WorkshopsTable {
  meeting_id: string;
  phase: WorkshopPhase;
  timer_status: "idle" | "running" | "paused";
  timer_duration_ms: Millis | null;
  /** Running: when the countdown reaches zero (server time). */
  timer_ends_at: Millis | null;
  /** Paused: what was left. */
  timer_remaining_ms: Millis | null;
  vote_status: "none" | "open" | "closed";
  votes_per_person: number | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface WorkshopColumnsTable {
  id: string;
  meeting_id: string;
  title: string;
  position: number;
}

/** What a note or a group was turned into (all null until converted). */
interface ConversionColumns {
  conversion_kind: NoteConversionKind | null;
  /** Empty while the item is being written (the conversion is claimed first). */
  conversion_item_id: string | null;
  converted_by_user_id: string | null;
  converted_at: Millis | null;
}

export interface WorkshopNotesTable extends ConversionColumns {
  id: string;
  meeting_id: string;
  author_user_id: string;
  /** The author's seat organization when the note was added. */
  organization_id: string;
  text: string;
  column_id: string;
  group_id: string | null;
  /** Null while the note is hidden from everyone but its author (private phase). */
  revealed_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface WorkshopGroupsTable extends ConversionColumns {
  id: string;
  meeting_id: string;
  title: string;
  created_by_user_id: string;
  created_at: Millis;
}

/** A voter's dots on one note or group. */
export interface WorkshopVotesTable {
  meeting_id: string;
  user_id: string;
  target_kind: "note" | "group";
  target_id: string;
  count: number;
}

/** What one applied update changed in one entry, as the server saw it (`records/`). */
export interface EntryChangesTable {
  id: string;
  partnership_id: string;
  document_name: string;
  /** JSON array: the entry's collection path from the document's root. */
  collection: string;
  entry_id: string;
  kind: "created" | "updated" | "deleted";
  /** JSON array of `{name, before, after}`, values bounded in size. */
  fields: string;
  user_id: string | null;
  organization_id: string | null;
  source: "client" | "server";
  at: Millis;
}

/** A deleted entry kept for 30 days (`records/entry-trash.ts`). */
export interface EntryTrashTable {
  id: string;
  partnership_id: string;
  document_name: string;
  /** JSON array: the entry's collection path from the document's root. */
  collection: string;
  entry_id: string;
  title: string;
  owner_organization_id: string | null;
  /** The entry as JSON (`Y.Map#toJSON()`), nested entries included. */
  entry: string;
  deleted_by_user_id: string | null;
  deleted_by_organization_id: string | null;
  deleted_at: Millis;
  expires_at: Millis;
  restored_by_user_id: string | null;
  restored_at: Millis | null;
}

/** What search finds (`search/`): one row per findable thing, rewritten as its source changes. */
export interface SearchEntriesTable {
  id: Generated<number>;
  /** Unique: the entry's kind and ids (`search/search-entries.ts`). */
  entry_key: string;
  /** A document name, or `rows:<pid>` for a partnership's SQL rows: what is reindexed together. */
  source: string;
  partnership_id: string;
  document_name: string | null;
  organization_id: string | null;
  /** Only that organization's members may find it (private notes); null: every member. */
  visible_to_organization_id: string | null;
  kind: string;
  title: string;
  body: string;
  url: string;
  /** SHA-256 of everything above: an unchanged entry is not rewritten. */
  content_hash: string;
}

/** The last stored update of each document that search has read. */
export interface SearchDocumentsTable {
  document_name: string;
  last_update_id: number;
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
  invitation_approvals: InvitationApprovalsTable;
  login_failures: LoginFailuresTable;
  document_updates: DocumentUpdatesTable;
  document_snapshots: DocumentSnapshotsTable;
  charter_endorsements: CharterEndorsementsTable;
  decision_votes: DecisionVotesTable;
  kpi_target_proposals: KpiTargetProposalsTable;
  kpi_target_agreements: KpiTargetAgreementsTable;
  decision_agreements: DecisionAgreementsTable;
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
  item_watch: ItemWatchTable;
  meetings: MeetingsTable;
  cancelled_meetings: CancelledMeetingsTable;
  calendar_feeds: CalendarFeedsTable;
  meeting_participants: MeetingParticipantsTable;
  agenda_items: AgendaItemsTable;
  agenda_sign_offs: AgendaSignOffsTable;
  charter_versions: CharterVersionsTable;
  charter_version_sightings: CharterVersionSightingsTable;
  server_upgrades: ServerUpgradesTable;
  governance_rhythms: GovernanceRhythmsTable;
  workshops: WorkshopsTable;
  workshop_columns: WorkshopColumnsTable;
  workshop_notes: WorkshopNotesTable;
  workshop_groups: WorkshopGroupsTable;
  workshop_votes: WorkshopVotesTable;
  document_versions: DocumentVersionsTable;
  document_item_stamps: DocumentItemStampsTable;
  entry_changes: EntryChangesTable;
  entry_trash: EntryTrashTable;
  landing_pages: LandingPagesTable;
  health_checks: HealthChecksTable;
  health_check_answers: HealthCheckAnswersTable;
  health_check_respondents: HealthCheckRespondentsTable;
  reply_addresses: ReplyAddressesTable;
  meeting_discussions: MeetingDiscussionsTable;
  partnership_templates: PartnershipTemplatesTable;
  organization_sso: OrganizationSsoTable;
  organization_sso_domains: OrganizationSsoDomainsTable;
  sso_sign_ins: SsoSignInsTable;
  search_entries: SearchEntriesTable;
  search_documents: SearchDocumentsTable;
}

/** The page a member lands on when opening a partnership; no row: the charter. */
export interface LandingPagesTable {
  user_id: string;
  partnership_id: string;
  page: "charter" | "dashboard";
  updated_at: number;
}

/** Why a version of a rich-text document was kept. */
export type DocumentVersionKind = "endorsement" | "named" | "auto" | "before-restore" | "restore";

/** A kept version of a rich-text document (charter, meeting notes, private notes); never updated. */
export interface DocumentVersionsTable {
  id: string;
  partnership_id: string;
  document_name: string;
  /** 1, 2, 3… per document: what people are shown. */
  number: number;
  kind: DocumentVersionKind;
  label: string | null;
  /** `Y.encodeStateAsUpdate` of the document then. */
  state: Uint8Array;
  /** The newest `document_updates.id` the state includes. */
  last_update_id: number;
  /** JSON `[{userId, organizationId}]`: who edited since the previous version. */
  authors: string;
  /** JSON `[organizationId]`. */
  endorsed_by: string;
  /** The version a restore brought back. */
  restored_from: string | null;
  created_by: string | null;
  created_at: Millis;
}

/** The Yjs items `[clock_start, clock_end)` of `client_id` that update `update_id` carried. */
export interface DocumentItemStampsTable {
  document_name: string;
  update_id: number;
  client_id: number;
  clock_start: number;
  clock_end: number;
  user_id: string | null;
  organization_id: string | null;
}

/** A health check cycle; `dimensions` is JSON `[{key,label}]`. */
export interface HealthChecksTable {
  id: string;
  partnership_id: string;
  title: string;
  status: HealthCheckStatus;
  dimensions: string;
  min_respondents: number;
  /** Keys respondent tokens while the cycle is open; null once closed. */
  respondent_secret: string | null;
  opened_at: Millis;
  closed_at: Millis | null;
}

/** One anonymous answer: no user id, no time. `ratings` is JSON `{[key]: 1..5}`. */
export interface HealthCheckAnswersTable {
  id: string;
  health_check_id: string;
  organization_id: string;
  /** HMAC(cycle secret, user id) while open, so answering again replaces; null once closed. */
  respondent_token: string | null;
  ratings: string;
  comment: string | null;
}

/** Who answered a closed cycle, never linked to an answer. */
export interface HealthCheckRespondentsTable {
  health_check_id: string;
  user_id: string;
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

/**
 * A meeting's discussion: the post in the updates feed that replies by e-mail to the
 * meeting's e-mails go to (the first one created it). Goes with the meeting.
 */
export interface MeetingDiscussionsTable {
  meeting_id: string;
  post_id: string;
  created_at: Millis;
}

/** The template a partnership started from; no row: it started blank. */
export interface PartnershipTemplatesTable {
  partnership_id: string;
  template: PartnershipTemplateId;
  language: Language;
  created_at: Millis;
}

/** An organization's own OpenID Connect provider. */
export interface OrganizationSsoTable {
  organization_id: string;
  issuer: string;
  client_id: string;
  /** `v1.<iv>.<ciphertext>.<tag>` (AES-256-GCM under SSO_SECRET_KEY); never sent to clients. */
  client_secret_encrypted: string;
  /** 1: members may still sign in with a password; 0: only through the provider. */
  password_sign_in: number;
  /** An admin of the organization signed in through this provider (configuration proven). */
  admin_proven_at: Millis | null;
  updated_by: string | null;
  updated_at: Millis;
}

/** The e-mail domains whose people an organization's provider may sign in. */
export interface OrganizationSsoDomainsTable {
  domain: string;
  organization_id: string;
}

/** A single sign-on under way, between the redirect to the provider and its answer. */
export interface SsoSignInsTable {
  /** SHA-256 of the token in the browser's cookie, hex. */
  id: string;
  organization_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  /** Where the user goes once signed in (a path of this app). */
  next: string;
  expires_at: Millis;
}
