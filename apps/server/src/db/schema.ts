import type {
  LoginFailuresTable,
  OrganizationMembersTable,
  OrganizationSsoDomainsTable,
  OrganizationSsoTable,
  OrganizationsTable,
  SessionsTable,
  SsoSignInsTable,
  UsersTable,
} from "./schema/accounts.js";
import type {
  InvitationApprovalsTable,
  InvitationsTable,
  LandingPagesTable,
  PartnershipMembersTable,
  PartnershipOrganizationsTable,
  PartnershipTemplatesTable,
  PartnershipsTable,
} from "./schema/partnerships.js";
import type {
  DocumentItemStampsTable,
  DocumentSnapshotsTable,
  DocumentUpdatesTable,
  DocumentVersionsTable,
  EntryChangesTable,
  EntryTrashTable,
} from "./schema/documents.js";
import type {
  CharterEndorsementsTable,
  CharterVersionSightingsTable,
  CharterVersionsTable,
  DecisionAgreementsTable,
  DecisionVotesTable,
  KpiTargetAgreementsTable,
  KpiTargetProposalsTable,
  ServerUpgradesTable,
} from "./schema/governance.js";
import type {
  CommentThreadsTable,
  CommentsTable,
  DigestDeliveriesTable,
  DigestSubscriptionsTable,
  ItemWatchTable,
  NotificationMarksTable,
  NotificationsTable,
  PostReadsTable,
  PostsTable,
  ReactionsTable,
  RepliesTable,
  ReplyAddressesTable,
  UserPreferencesTable,
} from "./schema/feed.js";
import type {
  AgendaItemsTable,
  AgendaSignOffsTable,
  CalendarFeedsTable,
  CancelledMeetingsTable,
  GovernanceRhythmsTable,
  MeetingDiscussionsTable,
  MeetingParticipantsTable,
  MeetingsTable,
} from "./schema/meetings.js";
import type {
  WorkshopColumnsTable,
  WorkshopGroupsTable,
  WorkshopNotesTable,
  WorkshopVotesTable,
  WorkshopsTable,
} from "./schema/workshops.js";
import type {
  HealthCheckAnswersTable,
  HealthCheckRespondentsTable,
  HealthChecksTable,
} from "./schema/health-checks.js";
import type { SearchDocumentsTable, SearchEntriesTable } from "./schema/search.js";

export type {
  UsersTable,
  SessionsTable,
  OrganizationsTable,
  OrganizationMembersTable,
  LoginFailuresTable,
  OrganizationSsoTable,
  OrganizationSsoDomainsTable,
  SsoSignInsTable,
} from "./schema/accounts.js";
export type {
  PartnershipsTable,
  PartnershipOrganizationsTable,
  PartnershipMembersTable,
  InvitationsTable,
  InvitationApprovalsTable,
  LandingPagesTable,
  PartnershipTemplatesTable,
} from "./schema/partnerships.js";
export type {
  DocumentUpdatesTable,
  DocumentSnapshotsTable,
  EntryChangesTable,
  EntryTrashTable,
  DocumentVersionKind,
  DocumentVersionsTable,
  DocumentItemStampsTable,
} from "./schema/documents.js";
export type {
  CharterEndorsementsTable,
  DecisionVotesTable,
  KpiTargetProposalsTable,
  KpiTargetAgreementsTable,
  DecisionAgreementsTable,
  CharterVersionsTable,
  CharterVersionSightingsTable,
  ServerUpgradesTable,
} from "./schema/governance.js";
export type {
  PostsTable,
  RepliesTable,
  ReactionsTable,
  PostReadsTable,
  NotificationsTable,
  CommentThreadsTable,
  CommentsTable,
  UserPreferencesTable,
  DigestSubscriptionsTable,
  DigestDeliveriesTable,
  NotificationMarksTable,
  ItemWatchTable,
  ReplyAddressesTable,
} from "./schema/feed.js";
export type {
  MeetingsTable,
  CancelledMeetingsTable,
  CalendarFeedsTable,
  MeetingParticipantsTable,
  AgendaItemsTable,
  AgendaSignOffsTable,
  GovernanceRhythmsTable,
  MeetingDiscussionsTable,
} from "./schema/meetings.js";
export type {
  WorkshopsTable,
  WorkshopColumnsTable,
  WorkshopNotesTable,
  WorkshopGroupsTable,
  WorkshopVotesTable,
} from "./schema/workshops.js";
export type {
  HealthChecksTable,
  HealthCheckAnswersTable,
  HealthCheckRespondentsTable,
} from "./schema/health-checks.js";
export type { SearchEntriesTable, SearchDocumentsTable } from "./schema/search.js";

/**
 * The database as Kysely sees it: every table by name, its row type from the area file
 * of `schema/` that describes it (accounts, partnerships, documents, governance, feed,
 * meetings, workshops, health checks, search). Every row type is exported from here too.
 */
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
