/*
 * The HTTP API's contract in one table: each route, named "METHOD /path/:param" as the server
 * mounts it, with the schema of its body (if it takes one) and of its answer. The server
 * validates requests and is tested against the answers with these schemas; the web client
 * takes only their types (`RouteResponse`, `RouteArgs`), so it carries none of zod.
 */
import { z } from "zod";
import { LoginBody, SignupBody } from "./auth.js";
import { CastVoteBody, EndorseCharterBody } from "./governance.js";
import { AcceptInvitationBody, InvitationSignupBody } from "./invitations.js";
import { CreateOrganizationBody } from "./organizations.js";
import { CreateInvitationBody, CreatePartnershipBody } from "./partnerships.js";
import {
  CreateInvitationResponse,
  InvitationSignupResponse,
  SentInvitationListResponse,
  SentInvitationResponse,
} from "./responses/invitations.js";
import {
  CastVoteResponse,
  CharterStatusResponse,
  DecisionVotesResponse,
  EndorseCharterResponse,
  InvitationPreviewResponse,
  MeResponse,
  OrganizationInvitationListResponse,
  OrganizationInvitationResponse,
  OrganizationResponse,
  PartnershipCreatedResponse,
  PartnershipResponse,
  UserResponse,
} from "./responses/partnerships.js";
import { EmptyBody, ProposeTargetBody } from "./kpi-targets.js";
import { KpiTargetProposalResponse, KpiTargetsResponse } from "./responses/kpi-targets.js";
import { LandingPageResponse, NotificationPreferencesResponse } from "./responses/preferences.js";
import {
  DeletedObjectivesResponse,
  EntryHistoryResponse,
  RestoreResponse,
  TrashResponse,
} from "./responses/records.js";
import { HistoryQuery } from "./records.js";
import { SsoSettingsResponse, SsoStartResponse } from "./responses/sso.js";
import { SsoSettingsBody, SsoStartBody } from "./sso.js";
import { RevokeInvitationBody } from "./sent-invitations.js";
import { SetLandingPageBody } from "./landing-pages.js";
import { UpdatePreferencesBody } from "./preferences.js";
import { CreateFeedBody } from "./calendar.js";
import { AnswerBody, OpenHealthCheckBody } from "./health-checks.js";
import {
  CreateAgendaItemBody,
  CreateMeetingBody,
  RhythmBody,
  SignOffBody,
  UpdateAgendaItemBody,
  UpdateMeetingBody,
} from "./meetings.js";
import {
  ColumnsBody,
  ConvertBody,
  CreateGroupBody,
  CreateNoteBody,
  MyVotesBody,
  PhaseBody,
  TimerBody,
  UpdateGroupBody,
  UpdateNoteBody,
  VoteBody,
} from "./workshops.js";
import { CalendarFeedCreatedResponse, CalendarFeedResponse } from "./responses/calendar.js";
import {
  HealthCheckAnsweredResponse,
  HealthCheckCreatedResponse,
  HealthCheckListResponse,
  HealthCheckResponse,
} from "./responses/health-checks.js";
import { MeetingListResponse, MeetingResponse, RhythmResponse } from "./responses/meetings.js";
import {
  ChecklistResponse,
  PartnershipTemplateListResponse,
  PartnershipTemplateUsedResponse,
} from "./responses/onboarding.js";
import { WorkshopConversionResponse, WorkshopResponse } from "./responses/workshops.js";
import { ActivityQuery } from "./activity.js";
import { DigestQuery } from "./digest.js";
import { SearchQuery } from "./search.js";
import { ActivityResponse } from "./responses/activity.js";
import { DigestResponse } from "./responses/digest.js";
import { SearchResponse } from "./responses/search.js";
import { ListNotificationsQuery, ReadAllBody } from "./notifications.js";
import { CreatePostBody, EditPostBody, ListPostsQuery, ReactionBody, ReplyBody } from "./posts.js";
import {
  PostListResponse,
  PostResponse,
  PostThreadResponse,
  ReactionsResponse,
  ReplyResponse,
  SeenResponse,
} from "./responses/feed.js";
import { NotificationListResponse, UnreadCountResponse } from "./responses/notifications.js";
import { CommentBody, CreateThreadBody, ListThreadsQuery } from "./comments.js";
import { NameVersionBody, RestoreVersionBody } from "./history.js";
import {
  DocumentVersionCreatedResponse,
  DocumentVersionListResponse,
  DocumentVersionResponse,
  VersionCompareResponse,
} from "./responses/history.js";
import {
  CommentResponse,
  CommentThreadListResponse,
  CommentThreadResponse,
} from "./responses/comments.js";

/** A 204: no body. */
export const NoContent = z.void();

/**
 * One route of the table: what it takes in its body (none: nothing, or `{}`), in its query
 * string (GET routes only: a client sends no body with a GET), and what it answers.
 */
export interface RouteContract {
  body?: z.ZodType;
  query?: z.ZodType;
  response: z.ZodType;
}

/** Every route a client calls through the contract (see docs/API.md to add one). */
export const apiRoutes = {
  // Accounts and sessions.
  "GET /api/me": { response: MeResponse },
  "POST /api/auth/login": { body: LoginBody, response: UserResponse },
  "POST /api/auth/signup": { body: SignupBody, response: UserResponse },
  "POST /api/auth/logout": { response: NoContent },
  "POST /api/auth/sso/start": { body: SsoStartBody, response: SsoStartResponse },

  // The user's own settings.
  "GET /api/me/notification-preferences": { response: NotificationPreferencesResponse },
  "PUT /api/me/notification-preferences": {
    body: UpdatePreferencesBody,
    response: NotificationPreferencesResponse,
  },
  "GET /api/me/landing-pages/:partnershipId": { response: LandingPageResponse },
  "PUT /api/me/landing-pages/:partnershipId": {
    body: SetLandingPageBody,
    response: LandingPageResponse,
  },

  // Organizations, partnerships, invitations.
  "POST /api/organizations": { body: CreateOrganizationBody, response: OrganizationResponse },
  "GET /api/organizations/:id/sso": { response: SsoSettingsResponse },
  "PUT /api/organizations/:id/sso": { body: SsoSettingsBody, response: SsoSettingsResponse },
  "DELETE /api/organizations/:id/sso": { response: NoContent },
  "POST /api/partnerships": { body: CreatePartnershipBody, response: PartnershipCreatedResponse },
  "GET /api/partnerships/:id": { response: PartnershipResponse },
  "POST /api/partnerships/:id/invitations": {
    body: CreateInvitationBody,
    response: CreateInvitationResponse,
  },
  "GET /api/partnerships/:id/invitations": { response: SentInvitationListResponse },
  "POST /api/partnerships/:id/invitations/:invitationId/revoke": {
    body: RevokeInvitationBody,
    response: SentInvitationResponse,
  },
  "GET /api/partnerships/:id/organization-invitations": {
    response: OrganizationInvitationListResponse,
  },
  "POST /api/partnerships/:id/organization-invitations/:invitationId/approve": {
    response: OrganizationInvitationResponse,
  },
  "GET /api/invitations/:token": { response: InvitationPreviewResponse },
  "POST /api/invitations/:token/accept": {
    body: AcceptInvitationBody,
    response: PartnershipCreatedResponse,
  },
  "POST /api/invitations/:token/signup": {
    body: InvitationSignupBody,
    response: InvitationSignupResponse,
  },

  // Governance: charter endorsements, decision votes.
  "GET /api/partnerships/:id/charter/status": { response: CharterStatusResponse },
  "POST /api/partnerships/:id/charter/endorsements": {
    body: EndorseCharterBody,
    response: EndorseCharterResponse,
  },
  "GET /api/partnerships/:id/decisions/votes": { response: DecisionVotesResponse },
  "POST /api/partnerships/:id/decisions/:decisionId/votes": {
    body: CastVoteBody,
    response: CastVoteResponse,
  },

  // Two-key KPI targets.
  "GET /api/partnerships/:id/kpis/targets": { response: KpiTargetsResponse },
  "POST /api/partnerships/:id/kpis/:kpiId/target-proposals": {
    body: ProposeTargetBody,
    response: KpiTargetProposalResponse,
  },
  "POST /api/partnerships/:id/kpis/:kpiId/target-proposals/:proposalId/agree": {
    body: EmptyBody,
    response: KpiTargetProposalResponse,
  },
  "POST /api/partnerships/:id/kpis/:kpiId/target-proposals/:proposalId/withdraw": {
    body: EmptyBody,
    response: KpiTargetProposalResponse,
  },

  // Records of structured entries: field history and the trash.
  "GET /api/partnerships/:id/history/:documentKind/:entryId": {
    query: HistoryQuery,
    response: EntryHistoryResponse,
  },
  "GET /api/partnerships/:id/deleted-objectives": { response: DeletedObjectivesResponse },
  "GET /api/partnerships/:id/trash": { response: TrashResponse },
  "POST /api/partnerships/:id/trash/:trashId/restore": { response: RestoreResponse },

  // Meetings, their agenda and sign-offs; the governance rhythm.
  "GET /api/partnerships/:id/meetings": { response: MeetingListResponse },
  "POST /api/partnerships/:id/meetings": { body: CreateMeetingBody, response: MeetingResponse },
  "GET /api/meetings/:meetingId": { response: MeetingResponse },
  "PATCH /api/meetings/:meetingId": { body: UpdateMeetingBody, response: MeetingResponse },
  "DELETE /api/meetings/:meetingId": { response: NoContent },
  "POST /api/meetings/:meetingId/agenda-items": {
    body: CreateAgendaItemBody,
    response: MeetingResponse,
  },
  "PATCH /api/agenda-items/:itemId": { body: UpdateAgendaItemBody, response: MeetingResponse },
  "DELETE /api/agenda-items/:itemId": { response: MeetingResponse },
  "POST /api/agenda-items/:itemId/sign-off": { body: SignOffBody, response: MeetingResponse },
  "GET /api/partnerships/:id/rhythm": { response: RhythmResponse },
  "PUT /api/partnerships/:id/rhythm": { body: RhythmBody, response: RhythmResponse },

  // Workshop mode: every call answers the caller's own view of the board.
  "GET /api/meetings/:meetingId/workshop": { response: WorkshopResponse },
  "PUT /api/meetings/:meetingId/workshop/columns": {
    body: ColumnsBody,
    response: WorkshopResponse,
  },
  "PUT /api/meetings/:meetingId/workshop/phase": { body: PhaseBody, response: WorkshopResponse },
  "POST /api/meetings/:meetingId/workshop/timer": { body: TimerBody, response: WorkshopResponse },
  "POST /api/meetings/:meetingId/workshop/vote": { body: VoteBody, response: WorkshopResponse },
  "PUT /api/meetings/:meetingId/workshop/my-votes": {
    body: MyVotesBody,
    response: WorkshopResponse,
  },
  "POST /api/meetings/:meetingId/workshop/notes": {
    body: CreateNoteBody,
    response: WorkshopResponse,
  },
  "PATCH /api/workshop-notes/:noteId": { body: UpdateNoteBody, response: WorkshopResponse },
  "DELETE /api/workshop-notes/:noteId": { response: WorkshopResponse },
  "POST /api/workshop-notes/:noteId/convert": {
    body: ConvertBody,
    response: WorkshopConversionResponse,
  },
  "POST /api/meetings/:meetingId/workshop/groups": {
    body: CreateGroupBody,
    response: WorkshopResponse,
  },
  "PATCH /api/workshop-groups/:groupId": { body: UpdateGroupBody, response: WorkshopResponse },
  "DELETE /api/workshop-groups/:groupId": { response: WorkshopResponse },
  "POST /api/workshop-groups/:groupId/convert": {
    body: ConvertBody,
    response: WorkshopConversionResponse,
  },

  // Two-sided health checks.
  "GET /api/partnerships/:id/health-checks": { response: HealthCheckListResponse },
  "POST /api/partnerships/:id/health-checks": {
    body: OpenHealthCheckBody,
    response: HealthCheckCreatedResponse,
  },
  "GET /api/health-checks/:healthCheckId": { response: HealthCheckResponse },
  "POST /api/health-checks/:healthCheckId/responses": {
    body: AnswerBody,
    response: HealthCheckAnsweredResponse,
  },
  "POST /api/health-checks/:healthCheckId/close": { response: HealthCheckResponse },

  // Onboarding: partnership templates and the first-steps checklist.
  "GET /api/partnership-templates": { response: PartnershipTemplateListResponse },
  "GET /api/partnerships/:id/checklist": { response: ChecklistResponse },
  "GET /api/partnerships/:id/template": { response: PartnershipTemplateUsedResponse },

  // The caller's private calendar feed.
  "GET /api/me/calendar-feed": { response: CalendarFeedResponse },
  "POST /api/me/calendar-feed": { body: CreateFeedBody, response: CalendarFeedCreatedResponse },
  "DELETE /api/me/calendar-feed": { response: NoContent },
  // What happened in a partnership and what it holds: activity, digest, search.
  "GET /api/partnerships/:id/activity": { query: ActivityQuery, response: ActivityResponse },
  "GET /api/partnerships/:id/digest": { query: DigestQuery, response: DigestResponse },
  "GET /api/search": { query: SearchQuery, response: SearchResponse },

  // The updates feed: posts, replies, reactions, "seen by".
  "GET /api/partnerships/:id/posts": { query: ListPostsQuery, response: PostListResponse },
  "POST /api/partnerships/:id/posts": { body: CreatePostBody, response: PostResponse },
  "GET /api/posts/:postId": { response: PostThreadResponse },
  "PATCH /api/posts/:postId": { body: EditPostBody, response: PostResponse },
  "DELETE /api/posts/:postId": { response: NoContent },
  "POST /api/posts/:postId/replies": { body: ReplyBody, response: ReplyResponse },
  "PUT /api/posts/:postId/reaction": { body: ReactionBody, response: ReactionsResponse },
  "DELETE /api/posts/:postId/reaction": { response: ReactionsResponse },
  "POST /api/posts/:postId/seen": { response: SeenResponse },
  "PATCH /api/replies/:replyId": { body: ReplyBody, response: ReplyResponse },
  "DELETE /api/replies/:replyId": { response: NoContent },
  "PUT /api/replies/:replyId/reaction": { body: ReactionBody, response: ReactionsResponse },
  "DELETE /api/replies/:replyId/reaction": { response: ReactionsResponse },

  // The signed-in user's notifications (their live stream is not a JSON answer).
  "GET /api/notifications": { query: ListNotificationsQuery, response: NotificationListResponse },
  "POST /api/notifications/:notificationId/read": { response: UnreadCountResponse },
  "POST /api/notifications/read-all": { body: ReadAllBody, response: UnreadCountResponse },

  // Comment threads on the charter and on items.
  "GET /api/partnerships/:id/comment-threads": {
    query: ListThreadsQuery,
    response: CommentThreadListResponse,
  },
  "POST /api/partnerships/:id/comment-threads": {
    body: CreateThreadBody,
    response: CommentThreadResponse,
  },
  "GET /api/comment-threads/:threadId": { response: CommentThreadResponse },
  "POST /api/comment-threads/:threadId/comments": { body: CommentBody, response: CommentResponse },
  "POST /api/comment-threads/:threadId/resolve": { response: CommentThreadResponse },
  "POST /api/comment-threads/:threadId/reopen": { response: CommentThreadResponse },

  // Versions of the rich-text documents: the charter, private notes, a meeting's notes.
  "GET /api/partnerships/:id/charter/versions": { response: DocumentVersionListResponse },
  "POST /api/partnerships/:id/charter/versions": {
    body: NameVersionBody,
    response: DocumentVersionCreatedResponse,
  },
  "GET /api/partnerships/:id/charter/versions/:versionId": { response: DocumentVersionResponse },
  "POST /api/partnerships/:id/charter/versions/:versionId/restore": {
    body: RestoreVersionBody,
    response: DocumentVersionCreatedResponse,
  },
  "GET /api/partnerships/:id/charter/versions/:a/compare/:b": { response: VersionCompareResponse },
  "GET /api/partnerships/:id/organizations/:organizationId/private/versions": {
    response: DocumentVersionListResponse,
  },
  "POST /api/partnerships/:id/organizations/:organizationId/private/versions": {
    body: NameVersionBody,
    response: DocumentVersionCreatedResponse,
  },
  "GET /api/partnerships/:id/organizations/:organizationId/private/versions/:versionId": {
    response: DocumentVersionResponse,
  },
  "POST /api/partnerships/:id/organizations/:organizationId/private/versions/:versionId/restore": {
    body: RestoreVersionBody,
    response: DocumentVersionCreatedResponse,
  },
  "GET /api/partnerships/:id/organizations/:organizationId/private/versions/:a/compare/:b": {
    response: VersionCompareResponse,
  },
  "GET /api/meetings/:meetingId/notes/versions": { response: DocumentVersionListResponse },
  "POST /api/meetings/:meetingId/notes/versions": {
    body: NameVersionBody,
    response: DocumentVersionCreatedResponse,
  },
  "GET /api/meetings/:meetingId/notes/versions/:versionId": { response: DocumentVersionResponse },
  "POST /api/meetings/:meetingId/notes/versions/:versionId/restore": {
    body: RestoreVersionBody,
    response: DocumentVersionCreatedResponse,
  },
  "GET /api/meetings/:meetingId/notes/versions/:a/compare/:b": { response: VersionCompareResponse },
} as const satisfies Record<string, RouteContract>;

export type ApiRoutes = typeof apiRoutes;

/** "GET /api/partnerships/:id" and the like: the keys of the table. */
export type RouteName = keyof ApiRoutes;

/** The path parameters a route pattern names (`:id` → `{ id: string }`). */
export type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? { [Key in Name]: string } & PathParams<Rest>
  : Path extends `${string}:${infer Name}`
    ? { [Key in Name]: string }
    : Record<never, never>;

/** What a client sends as a route's body (the schema's input); `never` when it takes none. */
export type RouteBody<Route extends RouteName> = ApiRoutes[Route] extends {
  body: infer Body extends z.ZodType;
}
  ? z.input<Body>
  : never;

/** The fields of a GET route's query string (the schema's input); `never` when it takes none. */
export type RouteQuery<Route extends RouteName> = Route extends `GET ${string}`
  ? ApiRoutes[Route] extends { query: infer Query extends z.ZodType }
    ? z.input<Query>
    : never
  : never;

/** What a route answers. */
export type RouteResponse<Route extends RouteName> = z.output<ApiRoutes[Route]["response"]>;

/**
 * The arguments of a call after the route's name: its path parameters if its pattern has
 * any, then its body if it takes one (optional when an empty body will do), then its query
 * if it takes one (optional when every field is).
 */
export type RouteArgs<Route extends RouteName> = [
  ...(Route extends `${string}:${string}` ? [params: PathParams<Route>] : []),
  ...([RouteBody<Route>] extends [never]
    ? []
    : Record<never, never> extends RouteBody<Route>
      ? [body?: RouteBody<Route>]
      : [body: RouteBody<Route>]),
  ...([RouteQuery<Route>] extends [never]
    ? []
    : Record<never, never> extends RouteQuery<Route>
      ? [query?: RouteQuery<Route>]
      : [query: RouteQuery<Route>]),
];
