export type {
  ActivityDocument,
  ActivityEntry,
  ActivityResponse,
  CharterActivity,
} from "./schemas/responses/activity.js";
export type {
  DeletedObjectivesResponse,
  EntryChangeView,
  EntryHistoryResponse,
  FieldChangeView,
  RecordedActor,
  RecordedDocumentKind,
  RestoreResponse,
  TrashEntryView,
  TrashResponse,
} from "./schemas/responses/records.js";
export type {
  CastVoteResponse,
  CharterEndorsementView,
  CharterStatus,
  CharterStatusEndorsement,
  CharterStatusResponse,
  DecisionContentView,
  DecisionOutcome,
  DecisionVotesResponse,
  DecisionVotesView,
  DecisionVoteValue,
  DecisionVoteView,
  DocumentEntry,
  EndorseCharterResponse,
  InvitationApprovalView,
  InvitationKind,
  InvitationPreview,
  InvitationPreviewResponse,
  InvitationView,
  MeResponse,
  MyOrganization,
  MyPartnership,
  OrganizationInvitationListResponse,
  OrganizationInvitationResponse,
  OrganizationInvitationView,
  OrganizationResponse,
  OrganizationView,
  PartnershipCreatedResponse,
  PartnershipMemberView,
  PartnershipResponse,
  PartnershipView,
  UserResponse,
  UserView,
} from "./schemas/responses/partnerships.js";
export {
  DEFAULT_HEALTH_DIMENSIONS,
  DEFAULT_MIN_RESPONDENTS,
  HEALTH_RATING_RANGE,
  MIN_RESPONDENTS_RANGE,
} from "./health-checks.js";
export type {
  HealthCheckAnsweredResponse,
  HealthCheckCreatedResponse,
  HealthCheckListResponse,
  HealthCheckOrganizationResult,
  HealthCheckResponse,
  HealthCheckStatus,
  HealthCheckView,
  HealthDimension,
} from "./schemas/responses/health-checks.js";
export type {
  KpiTargetAgreementView,
  KpiTargetHistoryEntry,
  KpiTargetProposalResponse,
  KpiTargetProposalStatus,
  KpiTargetProposalView,
  KpiTargetsResponse,
  KpiTargetsView,
} from "./schemas/responses/kpi-targets.js";
export type { CommentFeedEvent } from "./comments.js";
export type {
  CharterAnchorView,
  CommentItemKind,
  CommentResponse,
  CommentTarget,
  CommentThreadListResponse,
  CommentThreadResponse,
  CommentThreadStatus,
  CommentThreadView,
  CommentView,
} from "./schemas/responses/comments.js";
export type {
  AuthorView,
  MentionAttrs,
  MentionKind,
  RichTextDoc,
  RichTextMark,
  RichTextNode,
} from "./common.js";
export type { FeedEvent, PartnershipEvent, PartnershipFeedEvent, UserFeedEvent } from "./feed.js";
export type {
  ItemLink,
  PostListResponse,
  PostResponse,
  PostThreadResponse,
  PostView,
  ReactionsResponse,
  ReactionView,
  ReplyResponse,
  ReplyView,
  SeenByOrganization,
  SeenByView,
  SeenResponse,
} from "./schemas/responses/feed.js";
export type {
  ActionStatusName,
  CommentNotificationView,
  IssueStatusName,
  ItemNotificationView,
  NotificationItem,
  NotificationListResponse,
  NotificationView,
  PostNotificationView,
  UnreadCountResponse,
} from "./schemas/responses/notifications.js";
export type {
  DigestAction,
  DigestContent,
  DigestDecision,
  DigestHealthCheck,
  DigestKpiMove,
  DigestPeriodKind,
  DigestPost,
  DigestResponse,
  DigestView,
} from "./schemas/responses/digest.js";
export type { DigestFrequency, Language } from "./preferences.js";
export type {
  DigestPreference,
  LandingPageResponse,
  NotificationKindPreference,
  NotificationPreferencesResponse,
  NotificationPreferencesView,
} from "./schemas/responses/preferences.js";
export {
  agendaNotesFragment,
  MAX_AGENDA_ITEMS,
  MEETING_KINDS,
  type MeetingChangedEvent,
  type MeetingKind,
} from "./meetings.js";
export type {
  AgendaItemView,
  DeletedSignedItemView,
  MeetingListResponse,
  MeetingParticipantView,
  MeetingResponse,
  MeetingView,
  RhythmLevelView,
  RhythmResponse,
  SignedContentView,
  SignOffView,
} from "./schemas/responses/meetings.js";
export type {
  CalendarFeedCreatedResponse,
  CalendarFeedResponse,
} from "./schemas/responses/calendar.js";
export type {
  TimerCommand,
  VoteCommand,
  WorkshopAwarenessView,
  WorkshopChangedEvent,
} from "./workshops.js";
export type {
  HiddenNotesCount,
  NoteConversionKind,
  NoteConversionView,
  NoteGroupView,
  StickyNoteView,
  VoteResultView,
  WorkshopColumnView,
  WorkshopConversionResponse,
  WorkshopPhase,
  WorkshopResponse,
  WorkshopTimerView,
  WorkshopView,
  WorkshopVoteView,
} from "./schemas/responses/workshops.js";
export type {
  DocumentVersionCreatedResponse,
  DocumentVersionKind,
  DocumentVersionListResponse,
  DocumentVersionResponse,
  DocumentVersionView,
  VersionAuthor,
  VersionBlock,
  VersionChange,
  VersionCompareResponse,
  VersionSegment,
} from "./schemas/responses/history.js";
export { CloseCode, CloseReason, TERMINAL_CLOSE_CODES } from "./close-codes.js";
export { ErrorCode, type ErrorBody } from "./http-errors.js";
export { LANDING_PAGES, type LandingPage } from "./landing-page.js";
export { NOTIFICATION_SETTINGS_PATH, notificationPath, POST_PARAM, THREAD_PARAM } from "./links.js";
export type { MembershipChange, MembershipChangedEvent } from "./membership.js";
export { MessageType, SESSION_COOKIE, SYNC_PATH } from "./sync.js";
export {
  DIGEST_FREQUENCIES,
  ITEM_LINK_KINDS,
  LANGUAGES,
  NOTIFICATION_KINDS,
  POST_TAGS,
  REACTION_NAMES,
  type ItemLinkKind,
  type NotificationKind,
  type PostTag,
  type ReactionName,
} from "./vocabulary.js";
export { LANGUAGE_COOKIE, ROUTE_PRELOADS_FILE, type RoutePreloadsManifest } from "./web-shell.js";
export {
  CHECKLIST_KEYS,
  PARTNERSHIP_TEMPLATE_IDS,
  type ChecklistKey,
  type PartnershipTemplateId,
} from "./onboarding.js";
export type {
  ChecklistItemView,
  ChecklistResponse,
  PartnershipTemplateContent,
  PartnershipTemplateListResponse,
  PartnershipTemplateUsedResponse,
  PartnershipTemplateView,
  TemplateCharterSection,
  TemplateObjective,
  TemplateRhythm,
} from "./schemas/responses/onboarding.js";
export type {
  CreateInvitationResponse,
  InvitationEmailDelivery,
  InvitationSignupResponse,
  InvitationStatus,
  SentInvitationListResponse,
  SentInvitationResponse,
  SentInvitationView,
} from "./schemas/responses/invitations.js";
export { SSO_REFUSALS, type SsoRefusal } from "./sso.js";
export type {
  SsoSettingsResponse,
  SsoSettingsView,
  SsoStartResponse,
} from "./schemas/responses/sso.js";
export {
  AGENDA_ITEM_PARAM,
  ITEM_PARAM,
  ORGANIZATION_PARAM,
  PASSAGE_PARAM,
  PERSON_PARAM,
  SEARCH_KINDS,
  SEARCH_MARK_CLOSE,
  SEARCH_MARK_OPEN,
  SEARCH_QUERY_MAX,
  SEARCH_RESULTS_MAX,
  type SearchKind,
} from "./search.js";
export type { SearchResponse, SearchResult } from "./schemas/responses/search.js";
export type {
  CreateHealthCheckRequest,
  HealthCheckAnswerRequest,
  PartnershipTemplateChoice,
  ReadAllNotificationsBody,
  SsoSettingsRequest,
  SsoStartRequest,
} from "./schemas/index.js";
