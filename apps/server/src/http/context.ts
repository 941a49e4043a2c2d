import type { Env as HonoEnv } from "hono";
import type { Kysely } from "kysely";
import type { UserView } from "@entente/protocol";
import type { AccessService } from "../access/access-service.js";
import type { MembershipAnnouncer } from "../access/membership-announcer.js";
import type { Session, SessionService } from "../auth/sessions.js";
import type { Database } from "../db/schema.js";
import type { SearchIndex } from "../search/search-index.js";
import type { SearchService } from "../search/search-service.js";
import type { ConcurrencyCap } from "../limits/concurrency-cap.js";
import type { LoginThrottle } from "../limits/login-throttle.js";
import type { Env } from "../env.js";
import type { SyncMetrics } from "../observability/metrics.js";
import type { RequestLogVariables } from "../observability/request-logger.js";
import type { DocumentReader } from "../sync/document-reader.js";
import type { DocumentWriter } from "../sync/document-writer.js";
import type { WorkshopService } from "../workshops/workshop-service.js";
import type { ActivityService } from "../activity/activity-service.js";
import type { DigestService } from "../digest/digest-service.js";
import type { GovernanceWatch } from "../feed/governance-watch.js";
import type { ItemWatch } from "../feed/item-watch.js";
import type { FeedEvents } from "../feed/feed-events.js";
import type { CommentService } from "../feed/comment-service.js";
import type { NotificationPreferences } from "../feed/notification-preferences.js";
import type { NotificationService } from "../feed/notification-service.js";
import type { Mailer } from "../mail/mailer.js";
import type { NotificationMailer } from "../mail/notification-mail.js";
import type { PostService } from "../feed/post-service.js";
import type { MeetingCalendar } from "../meetings/meeting-calendar.js";
import type { CalendarFeeds } from "../meetings/calendar-feeds.js";
import type { MeetingInvitationMailer } from "../mail/meeting-invitation-mail.js";
import type { MeetingService } from "../meetings/meeting-service.js";
import type { VersionService } from "../history/version-service.js";
import type { EntryHistory } from "../records/entry-history.js";
import type { EntryRecords } from "../records/entry-records.js";
import type { EntryTrash } from "../records/entry-trash.js";
import type { HealthCheckService } from "../health-checks/health-check-service.js";
import type { SsoSettings } from "../sso/sso-settings.js";
import type { SsoSignIn } from "../sso/sso-sign-in.js";

/** Everything a route needs, built once in `createApp`'s caller and passed down. */
export interface Services {
  env: Pick<Env, "PUBLIC_ORIGIN" | "TRUST_PROXY">;
  db: Kysely<Database>;
  sessions: SessionService;
  access: AccessService;
  /** Tells a partnership live (and its members by notification) that who is in it changed. */
  membership: MembershipAnnouncer;
  /** Failed sign-ins per (account, address), per address and per account (shared store). */
  loginThrottle: LoginThrottle;
  /** Live event streams (SSE) each user holds at once, in this process. */
  eventStreams: ConcurrencyCap;
  /** Prometheus metrics of this process. */
  metrics: SyncMetrics;
  /** Open sync sockets, closed when the access they were opened with ends. */
  liveSockets: LiveSockets;
  /** Current content of documents (the live room's if loaded, else storage's). */
  documents: DocumentReader;
  /** Versions of the rich-text documents (history, compare, restore). */
  versions: VersionService;
  /** Live events of the updates feed and of users' notifications. */
  feedEvents: FeedEvents;
  /** Posts, replies, reactions and "seen by" of partnerships' updates feeds. */
  posts: PostService;
  notifications: NotificationService;
  /** Which notifications also go by e-mail, digests, language of e-mails. */
  preferences: NotificationPreferences;
  /** Who changed what, from the update log. */
  activity: ActivityService;
  /** Digests of a partnership for an organization (preview and e-mail). */
  digests: DigestService;
  /** Notifies organizations when a decision or the charter waits on them. */
  governanceWatch: GovernanceWatch;
  /** Notifies owners when an action or issue changed status or became overdue. */
  itemWatch: ItemWatch;
  /** Outgoing e-mail (SMTP, or the local outbox). */
  mailer: Mailer;
  /** E-mails notifications to those who want them. */
  notificationMail: NotificationMailer;
  /** Comment threads on the charter and on items. */
  comments: CommentService;
  /** Meetings, their agenda, participants and sign-offs, and the governance rhythm. */
  meetings: MeetingService;
  meetingCalendar: MeetingCalendar;
  meetingInvitations: MeetingInvitationMailer;
  calendarFeeds: CalendarFeeds;
  /** Server-side edits of documents (the live room's if loaded, else storage's). */
  documentWriter: DocumentWriter;
  /** Workshop boards, timers and votes of meetings, projected per member. */
  workshops: WorkshopService;
  /** Field history of structured documents' entries, from the server's records. */
  history: EntryHistory;
  /** Deleted entries, kept 30 days to be restored; purged as a partnership watch. */
  trash: EntryTrash;
  /** The document observer that keeps `history` and `trash` (registered with the rooms). */
  records: EntryRecords;
  /** Two-sided, anonymous health check cycles. */
  healthChecks: HealthCheckService;
  /** Organizations' own OpenID providers, as their admins configure them. */
  ssoSettings: SsoSettings;
  /** "Continue with single sign-on": the code flow with an organization's provider. */
  ssoSignIn: SsoSignIn;
  /** Full-text search over what the caller may read (`GET /api/search`). */
  search: SearchService;
  /** Keeps the search index following stored documents and rows (a document observer). */
  searchIndex: SearchIndex;
}

/** What the HTTP side tells the sync side when access ends. */
export interface LiveSockets {
  /** Logout or expiry: close the session's sockets with 4401. */
  closeSession(sessionId: string): void;
  /** Removal from a partnership: close the user's sockets on its documents with 4403. */
  closePartnershipAccess(userId: string, partnershipId: string): void;
  /**
   * The document was deleted (a meeting): close every socket on it with 4404, on every
   * instance, and unload its room. Called once its rows are gone.
   */
  closeDocument(documentName: string): void;
}

export interface AppEnv extends HonoEnv {
  Variables: RequestLogVariables & {
    auth: { session: Session; user: UserView } | null;
  };
}
