/*
 * The zod schemas of the HTTP API: requests (the server validates every body, query and path
 * parameter with them, and clients type their calls with `RequestBody<typeof …>`) and
 * responses (`responses/*`, whose inferred types the main entry exports), so a contract
 * changes in one place. A separate entry (`@entente/protocol/schemas`): clients that
 * only import its types carry none of zod.
 */
import type { z } from "zod";
import type { AnswerBody, OpenHealthCheckBody } from "./health-checks.js";
import type { ReadAllBody } from "./notifications.js";
import type { PartnershipTemplateChoiceBody } from "./partnerships.js";
import type { SsoSettingsBody, SsoStartBody } from "./sso.js";

export { ActivityQuery } from "./activity.js";
export { SignupBody, LoginBody } from "./auth.js";
export { FeedFileParams, CreateFeedBody } from "./calendar.js";
export {
  ThreadParams,
  COMMENT_ITEM_KINDS,
  CreateThreadBody,
  CommentBody,
  ListThreadsQuery,
} from "./comments.js";
export type { Cursor } from "./fields.js";
export { Id, displayName, CursorParam, LimitParam, isLoopbackHttp } from "./fields.js";
export { DigestQuery } from "./digest.js";
export {
  DECISION_VOTES,
  DecisionParams,
  MAX_VOTE_COMMENT,
  EndorseCharterBody,
  CastVoteBody,
} from "./governance.js";
export {
  HealthCheckParams,
  MAX_DIMENSIONS,
  OpenHealthCheckBody,
  AnswerBody,
} from "./health-checks.js";
export {
  CharterVersionsParams,
  PrivateVersionsParams,
  MeetingVersionsParams,
  VersionParams,
  CompareParams,
  MAX_VERSION_LABEL,
  NameVersionBody,
  RestoreVersionBody,
} from "./history.js";
export { InvitationParams, AcceptInvitationBody, InvitationSignupBody } from "./invitations.js";
export { KpiParams, ProposalParams, ProposeTargetBody, EmptyBody } from "./kpi-targets.js";
export { LandingPageParams, SetLandingPageBody } from "./landing-pages.js";
export {
  MAX_PARTICIPANTS,
  MeetingParams,
  AgendaItemParams,
  CreateMeetingBody,
  UpdateMeetingBody,
  CreateAgendaItemBody,
  UpdateAgendaItemBody,
  SignOffBody,
  RhythmBody,
} from "./meetings.js";
export {
  NotificationParams,
  NotificationFilterFields,
  ListNotificationsQuery,
  ReadAllBody,
} from "./notifications.js";
export { OrganizationInvitationParams } from "./organization-invitations.js";
export { CreateOrganizationBody } from "./organizations.js";
export {
  PartnershipParams,
  MemberParams,
  PartnershipTemplateChoiceBody,
  CreatePartnershipBody,
  CreateInvitationBody,
} from "./partnerships.js";
export {
  PostParams,
  ReplyParams,
  MAX_LINKS,
  CreatePostBody,
  EditPostBody,
  ReplyBody,
  ReactionBody,
  ListPostsQuery,
} from "./posts.js";
export { UpdatePreferencesBody } from "./preferences.js";
export { HistoryParams, HistoryQuery, TrashParams } from "./records.js";
export {
  MAX_DEPTH,
  MAX_NODES,
  MAX_TEXT,
  RichTextBody,
  mentionsIn,
  relabelMentions,
  plainText,
  hasContent,
} from "./rich-text.js";
export {
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
} from "./responses/partnerships.js";
export {
  CreateInvitationResponse,
  InvitationEmailDelivery,
  InvitationSignupResponse,
  InvitationStatus,
  SentInvitationListResponse,
  SentInvitationResponse,
  SentInvitationView,
} from "./responses/invitations.js";
export {
  DigestPreference,
  LandingPageResponse,
  NotificationKindPreference,
  NotificationPreferencesResponse,
  NotificationPreferencesView,
} from "./responses/preferences.js";
export {
  KpiTargetAgreementView,
  KpiTargetHistoryEntry,
  KpiTargetProposalResponse,
  KpiTargetProposalStatus,
  KpiTargetProposalView,
  KpiTargetsResponse,
  KpiTargetsView,
} from "./responses/kpi-targets.js";
export {
  DeletedObjectivesResponse,
  EntryChangeView,
  EntryHistoryResponse,
  FieldChangeView,
  RecordedActor,
  RecordedDocumentKind,
  RestoreResponse,
  TrashEntryView,
  TrashResponse,
} from "./responses/records.js";
export { SsoSettingsResponse, SsoSettingsView, SsoStartResponse } from "./responses/sso.js";
export { CalendarFeedCreatedResponse, CalendarFeedResponse } from "./responses/calendar.js";
export {
  HealthCheckAnsweredResponse,
  HealthCheckCreatedResponse,
  HealthCheckListResponse,
  HealthCheckOrganizationResult,
  HealthCheckResponse,
  HealthCheckStatus,
  HealthCheckView,
  HealthDimension,
} from "./responses/health-checks.js";
export {
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
} from "./responses/meetings.js";
export {
  ChecklistItemView,
  ChecklistResponse,
  PartnershipTemplateContent,
  PartnershipTemplateListResponse,
  PartnershipTemplateUsedResponse,
  PartnershipTemplateView,
  TemplateCharterSection,
  TemplateObjective,
  TemplateRhythm,
} from "./responses/onboarding.js";
export {
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
} from "./responses/workshops.js";
export { GovernanceLevel, Language } from "./vocabulary.js";
export {
  ActivityDocument,
  ActivityEntry,
  ActivityResponse,
  CharterActivity,
} from "./responses/activity.js";
export {
  DigestAction,
  DigestContent,
  DigestDecision,
  DigestHealthCheck,
  DigestKpiMove,
  DigestPeriodKind,
  DigestPost,
  DigestResponse,
  DigestView,
} from "./responses/digest.js";
export { SearchResponse, SearchResult } from "./responses/search.js";
export { AuthorView, RichTextDoc, RichTextMark, RichTextNode } from "./responses/common.js";
export {
  CharterAnchorView,
  CommentItemKind,
  CommentResponse,
  CommentTarget,
  CommentThreadListResponse,
  CommentThreadResponse,
  CommentThreadStatus,
  CommentThreadView,
  CommentView,
} from "./responses/comments.js";
export {
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
} from "./responses/history.js";
export {
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
} from "./responses/feed.js";
export {
  ActionStatusName,
  CommentNotificationView,
  IssueStatusName,
  ItemNotificationView,
  NotificationItem,
  NotificationListResponse,
  NotificationView,
  PostNotificationView,
  UnreadCountResponse,
} from "./responses/notifications.js";
export {
  apiRoutes,
  NoContent,
  type ApiRoutes,
  type PathParams,
  type RouteArgs,
  type RouteBody,
  type RouteQuery,
  type RouteContract,
  type RouteName,
  type RouteResponse,
} from "./routes.js";
export { SearchQuery } from "./search.js";
export { SentInvitationParams, RevokeInvitationBody } from "./sent-invitations.js";
export { SsoSettingsBody, SsoStartBody, OrganizationParam } from "./sso.js";
export {
  WorkshopParams,
  NoteParams,
  GroupParams,
  MAX_NOTE_LENGTH,
  MAX_COLUMN_TITLE,
  MAX_COLUMNS,
  MAX_VOTES_PER_PERSON,
  MAX_TIMER_SECONDS,
  ColumnsBody,
  PhaseBody,
  TimerBody,
  VoteBody,
  CreateNoteBody,
  UpdateNoteBody,
  CreateGroupBody,
  UpdateGroupBody,
  MyVotesBody,
  ConvertBody,
} from "./workshops.js";

/** What a client sends for a schema: its input, before defaults and transforms. */
export type RequestBody<Schema extends z.ZodType> = z.input<Schema>;

/** What the server has once a schema accepted a request: defaults applied, values trimmed. */
export type ParsedRequest<Schema extends z.ZodType> = z.output<Schema>;

/** `POST /api/partnerships/:id/health-checks` body. */
export type CreateHealthCheckRequest = RequestBody<typeof OpenHealthCheckBody>;

/** The optional `template` of `POST /api/partnerships`. */
export type PartnershipTemplateChoice = RequestBody<typeof PartnershipTemplateChoiceBody>;

/** `POST /api/health-checks/:id/responses` body. */
export type HealthCheckAnswerRequest = RequestBody<typeof AnswerBody>;

/**
 * `POST /api/notifications/read-all`'s optional body: only the notifications of this
 * partnership, of these kinds (the list's filters); none, every notification.
 */
export type ReadAllNotificationsBody = RequestBody<typeof ReadAllBody>;

/** `PUT /api/organizations/:id/sso` (`clientSecret` omitted: the stored secret is kept). */
export type SsoSettingsRequest = RequestBody<typeof SsoSettingsBody>;

/** `POST /api/auth/sso/start` (`next`: a path of the app to land on once signed in). */
export type SsoStartRequest = RequestBody<typeof SsoStartBody>;
