import { AccessService } from "./access/access-service.js";
import { InvitationService } from "./access/invitation-service.js";
import { Organizations } from "./access/organizations.js";
import { PartnershipService } from "./access/partnership-service.js";
import { MembershipAnnouncer } from "./access/membership-announcer.js";
import { Accounts } from "./auth/accounts.js";
import { SessionService } from "./auth/sessions.js";
import type { Store } from "./db/database.js";
import { StoreProbe } from "./db/store-probe.js";
import type { Env } from "./env.js";
import { InProcessFeedEvents, type FeedEvents } from "./live-events/feed-events.js";
import { ActivityService } from "./activity/activity-service.js";
import { DigestService } from "./digest/digest-service.js";
import { GovernanceService } from "./governance/governance-service.js";
import { KpiTargetService } from "./governance/kpi-target-service.js";
import { PartnershipExports } from "./export/gather-export.js";
import { InvitationMailer } from "./mail/invitation-mail.js";
import { OnboardingService } from "./onboarding/onboarding-service.js";
import { LandingPages } from "./preferences/landing-pages.js";
import { ReviewService } from "./review/review-service.js";
import { PasswordPolicy } from "./sso/password-policy.js";
import { GovernanceWatch } from "./notifications/governance-watch.js";
import { ItemWatch } from "./notifications/item-watch.js";
import { CommentService } from "./comments/comment-service.js";
import { NotificationPreferences } from "./notifications/notification-preferences.js";
import { NotificationService } from "./notifications/notification-service.js";
import { PostService } from "./posts/post-service.js";
import { MeetingService } from "./meetings/meeting-service.js";
import { MeetingCalendar } from "./meetings/meeting-calendar.js";
import { CalendarFeeds } from "./meetings/calendar-feeds.js";
import { MeetingInvitationMailer } from "./mail/meeting-invitation-mail.js";
import { ConcurrencyCap } from "./limits/concurrency-cap.js";
import { LoginThrottle, type LoginLimits } from "./limits/login-throttle.js";
import { DISCARD_MAIL, type Mailer } from "./mail/mailer.js";
import { NotificationMailer } from "./mail/notification-mail.js";
import type { ReplyAddresses } from "./mail/reply-addresses.js";
import { createLogger, type Logger } from "./observability/logger.js";
import { SyncMetrics } from "./observability/metrics.js";
import { CurrentDocuments, type DocumentReader } from "./sync/document-reader.js";
import { LiveDocumentWriter, type DocumentWriter } from "./sync/document-writer.js";
import { WorkshopService } from "./workshops/workshop-service.js";
import { SqlUpdateLog } from "./sync/update-log.js";
import type { LiveSockets } from "./sync/live-sockets.js";
import { StampingUpdateLog } from "./history/item-stamps.js";
import { VersionService } from "./history/version-service.js";
import { EntryHistory } from "./records/entry-history.js";
import { EntryRecords } from "./records/entry-records.js";
import { EntryTrash } from "./records/entry-trash.js";
import { HealthCheckService } from "./health-checks/health-check-service.js";
import { HealthCheckNotifier } from "./health-checks/health-check-notifier.js";
import { ProviderClients } from "./sso/provider-client.js";
import { parseSecretKey, SecretBox } from "./sso/secret-box.js";
import { SsoSettings } from "./sso/sso-settings.js";
import { SsoSignIn } from "./sso/sso-sign-in.js";
import { SearchIndex } from "./search/search-index.js";
import { SearchService } from "./search/search-service.js";

/**
 * Everything a route needs, built once by `createServices` and passed down to `createApp`.
 * The store itself is not here: routes reach the database only through these services.
 */
export interface Services {
  env: Pick<Env, "PUBLIC_ORIGIN" | "TRUST_PROXY">;
  /** Whether the database answers (`GET /api/health`). */
  storeProbe: StoreProbe;
  sessions: SessionService;
  /** Accounts (`users`): sign-up, sign-in, the app's language. */
  accounts: Accounts;
  /** Whether an organization turned password sign-in off for its members. */
  passwordPolicy: PasswordPolicy;
  access: AccessService;
  /** Organizations and their members. */
  organizations: Organizations;
  /** Partnerships' directories, a user's partnerships, removing a member. */
  partnerships: PartnershipService;
  /** Invitations into partnerships: made, accepted, listed, revoked, approved. */
  invitations: InvitationService;
  /** E-mails a new invitation. */
  invitationMail: InvitationMailer;
  /** Starting a partnership (from a template), the template it used, its first steps. */
  onboarding: OnboardingService;
  /** Charter endorsements and decision votes (two-key governance). */
  governance: GovernanceService;
  /** Two-key KPI targets. */
  kpiTargets: KpiTargetService;
  /** Each member's landing page in a partnership. */
  landingPages: LandingPages;
  /** The partnership as the caller may export it (Markdown, PDF). */
  exports: PartnershipExports;
  /** What the review pack reads besides the export. */
  reviews: ReviewService;
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

export interface ServicesConfig {
  store: Store;
  publicOrigin: string;
  /** Take client addresses from the load balancer's X-Forwarded-For (see `requestAddress`). */
  trustProxy?: boolean | undefined;
  liveSockets: LiveSockets;
  loginLimits?: LoginLimits | undefined;
  /** Live event streams a user may hold at once (per process); 50 when omitted. */
  eventStreamsPerUser?: number | undefined;
  /** The throttle's clock and sleep (tests); real time when omitted. */
  loginClock?: { now(): number; sleep(ms: number): Promise<void> } | undefined;
  metrics?: SyncMetrics | undefined;
  /** Defaults to reading from storage only (no live rooms: API tests). */
  documents?: DocumentReader | undefined;
  /** Defaults to writing to storage only (no live rooms: API tests). */
  documentWriter?: DocumentWriter | undefined;
  /** Defaults to this process only (one instance). */
  feedEvents?: FeedEvents | undefined;
  /** Defaults to dropping every message (API tests). */
  mailer?: Mailer | undefined;
  /** Reply by e-mail: notification e-mails carry reply addresses; off when omitted. */
  replyAddresses?: ReplyAddresses | undefined;
  /** Where background work (e-mail) reports failures; silent when omitted. */
  logger?: Logger | undefined;
  /** SSO_SECRET_KEY (base64, 32 bytes); without it single sign-on cannot be configured. */
  ssoSecretKey?: string | undefined;
  /** Seconds added to the clock when checking ID token times (tests of expired tokens). */
  ssoClockSkewSeconds?: number | undefined;
  /** The clock of meetings and their calendars (tests move it); real time when omitted. */
  now?: (() => number) | undefined;
}

export const DEFAULT_EVENT_STREAMS_PER_USER = 50;

/** The request-side services over one store. */
export function createServices(config: ServicesConfig): Services {
  const access = new AccessService(config.store.db);
  const documents = config.documents ?? new CurrentDocuments(new SqlUpdateLog(config.store));
  const searchIndex = new SearchIndex(
    config.store.db,
    config.store.dialect,
    documents,
    config.logger ?? createLogger({ level: "silent" }),
  );
  // Every partnership event is published once its change is stored: the index follows them.
  const feedEvents = searchIndex.following(config.feedEvents ?? new InProcessFeedEvents());
  const preferences = new NotificationPreferences(config.store.db);
  const mailer = config.mailer ?? DISCARD_MAIL;
  const notificationMail = new NotificationMailer(
    config.store.db,
    preferences,
    mailer,
    config.publicOrigin,
    config.logger ?? createLogger({ level: "silent" }),
    config.replyAddresses ? { addresses: config.replyAddresses, access } : undefined,
  );
  const notifications = new NotificationService(config.store.db, feedEvents, notificationMail);
  const documentWriter =
    config.documentWriter ??
    new LiveDocumentWriter(new StampingUpdateLog(new SqlUpdateLog(config.store), config.store));
  const versions = new VersionService(config.store.db, documents, documentWriter);
  const governance = new GovernanceService(config.store.db, documents, {
    history: versions,
    writer: documentWriter,
  });
  const now = config.now ?? Date.now;
  const meetingCalendar = new MeetingCalendar(config.store.db, config.publicOrigin, now);
  const meetingInvitations = new MeetingInvitationMailer(
    meetingCalendar,
    mailer,
    config.publicOrigin,
    config.logger ?? createLogger({ level: "silent" }),
    config.replyAddresses ? { addresses: config.replyAddresses, access } : undefined,
  );
  const meetings = new MeetingService(
    config.store.db,
    config.store.dialect,
    access,
    documents,
    feedEvents,
    config.liveSockets,
    now,
    meetingInvitations,
  );
  const history = new EntryHistory(config.store.db);
  const trash = new EntryTrash(config.store.db, notifications, documentWriter);
  const ssoKey = config.ssoSecretKey ? parseSecretKey(config.ssoSecretKey) : null;
  if (config.ssoSecretKey && !ssoKey) throw new Error("SSO_SECRET_KEY must be 32 bytes, base64");
  const ssoBox = ssoKey ? new SecretBox(ssoKey) : null;
  const providers = new ProviderClients({ clockSkewSeconds: config.ssoClockSkewSeconds });
  return {
    env: { PUBLIC_ORIGIN: config.publicOrigin, TRUST_PROXY: config.trustProxy ?? false },
    storeProbe: new StoreProbe(config.store.db),
    sessions: new SessionService(config.store.db),
    accounts: new Accounts(config.store.db),
    passwordPolicy: new PasswordPolicy(config.store.db),
    access,
    organizations: new Organizations(config.store.db),
    partnerships: new PartnershipService(config.store.db),
    invitations: new InvitationService(config.store.db),
    invitationMail: new InvitationMailer(config.store.db, mailer),
    onboarding: new OnboardingService(config.store.db, documents, documentWriter, governance),
    governance,
    kpiTargets: new KpiTargetService(config.store.db, access, documents, documentWriter, history),
    landingPages: new LandingPages(config.store.db, access),
    exports: new PartnershipExports({
      db: config.store.db,
      documents,
      governance,
      meetings,
    }),
    reviews: new ReviewService(config.store.db),
    membership: new MembershipAnnouncer(config.store.db, feedEvents, notifications),
    eventStreams: new ConcurrencyCap(config.eventStreamsPerUser ?? DEFAULT_EVENT_STREAMS_PER_USER),
    loginThrottle: new LoginThrottle(config.store.db, config.loginLimits, config.loginClock),
    metrics: config.metrics ?? new SyncMetrics(),
    liveSockets: config.liveSockets,
    documents,
    versions,
    feedEvents,
    posts: new PostService(config.store.db, access, feedEvents, notifications),
    notifications,
    preferences,
    activity: new ActivityService(config.store.db),
    digests: new DigestService(config.store.db, documents, governance),
    governanceWatch: new GovernanceWatch(config.store.db, documents, governance, notifications),
    itemWatch: new ItemWatch(config.store.db, documents, notifications),
    mailer,
    notificationMail,
    comments: new CommentService(config.store.db, access, documents, feedEvents, notifications),
    meetings,
    meetingCalendar,
    meetingInvitations,
    calendarFeeds: new CalendarFeeds(config.store.db, config.publicOrigin, now),
    documentWriter,
    workshops: new WorkshopService(config.store.db, access, meetings, feedEvents, documentWriter),
    history,
    trash,
    records: new EntryRecords(history, trash),
    healthChecks: new HealthCheckService(
      config.store.db,
      access,
      new HealthCheckNotifier(access, notifications),
    ),
    ssoSettings: new SsoSettings(config.store.db, ssoBox, providers, config.publicOrigin),
    ssoSignIn: new SsoSignIn(config.store.db, ssoBox, providers, config.publicOrigin),
    search: new SearchService(config.store.db, config.store.dialect, access),
    searchIndex,
  };
}
