import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { Server } from "node:http";
import { createApp } from "./app.js";
import { openStore, type Store } from "./db/database.js";
import { migrateToLatest } from "./db/migrations/index.js";
import { upgradeCharterVersions } from "./governance/charter-upgrade.js";
import { createLogger, type Logger } from "./observability/logger.js";
import { SyncMetrics } from "./observability/metrics.js";
import type { LoginLimits } from "./limits/login-throttle.js";
import { createServices, type Services } from "./services.js";
import { createMailer, type MailConfig } from "./mail/mailer.js";
import { InboundReplies } from "./mail/inbound-replies.js";
import { InboundSmtpServer, type InboundSmtpConfig } from "./mail/inbound-smtp.js";
import { MeetingDiscussions } from "./meetings/meeting-discussions.js";
import { ReplyAddresses, type ReplyAddressConfig } from "./mail/reply-addresses.js";
import { DigestScheduler } from "./digest/digest-scheduler.js";
import { CurrentDocuments } from "./sync/document-reader.js";
import { LiveDocumentWriter } from "./sync/document-writer.js";
import { SharedFeedEvents } from "./live-events/shared-feed-events.js";
import { SINGLE_INSTANCE } from "./sync/instance-bus.js";
import { RedisBus } from "./sync/redis-bus.js";
import { RoomRegistry } from "./sync/room-registry.js";
import { partnershipWatches } from "./scheduling/partnership-watches.js";
import { SyncServer, type SyncLimits } from "./sync/sync-server.js";
import type { DocumentObserver } from "./sync/document-observers.js";
import { DecisionAgreements } from "./governance/decision-agreements.js";
import { DecisionFreeze } from "./governance/decision-freeze.js";
import { SqlUpdateLog } from "./sync/update-log.js";
import { StampingUpdateLog } from "./history/item-stamps.js";
import { settledVersions } from "./history/settled-versions.js";

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  publicOrigin: string;
  webDist?: string;
  syncLimits?: Partial<SyncLimits>;
  loginLimits?: LoginLimits;
  /** Live event streams a user may hold at once (per process). */
  eventStreamsPerUser?: number | undefined;
  /** Compact a document once this many updates piled up after its snapshot. */
  compactAfterUpdates?: number;
  /** How long sync rooms hold unstored updates while the database is away (15 s by default). */
  storageOutageMs?: number;
  /** Silent when omitted (tests). */
  logger?: Logger;
  metrics?: SyncMetrics;
  /** Bearer token for GET /metrics; without one the route answers 404. */
  metricsToken?: string | undefined;
  /** Client addresses come from the load balancer's X-Forwarded-For. */
  trustProxy?: boolean | undefined;
  /** Redis shared by the instances serving the same documents; one instance alone without it. */
  redisUrl?: string | undefined;
  /** Outgoing e-mail; without it, e-mails are dropped (tests). */
  mail?: Omit<MailConfig, "logger"> | undefined;
  /**
   * Reply by e-mail: e-mails about a thread carry a signed reply address; with `listen`, an
   * SMTP listener takes the replies. Off without it.
   */
  replyByMail?: (ReplyAddressConfig & { listen?: InboundSmtpConfig | undefined }) | undefined;
  /** Check for due digests this often; without it, no digests are sent (tests). */
  digestCheckMs?: number | undefined;
  /**
   * Check for decisions and charter changes waiting on organizations, and for actions and
   * issues that changed status or became overdue, this often; off without it.
   */
  governanceCheckMs?: number | undefined;
  /** Told of every change applied to a document (tests; the server's own are added below). */
  observers?: readonly DocumentObserver[] | undefined;
  /**
   * Look this often for rich-text documents whose burst of edits settled (no edit for
   * `versionSettleMs`, 10 minutes by default) and keep a version of each; off without it.
   */
  versionCheckMs?: number | undefined;
  versionSettleMs?: number | undefined;
  /** SSO_SECRET_KEY: encrypts organizations' OpenID client secrets; no SSO without it. */
  ssoSecretKey?: string | undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  services: Services;
  sync: SyncServer;
  rooms: RoomRegistry;
  logger: Logger;
  /** The reply-by-e-mail SMTP listener, when `replyByMail.listen` asked for one. */
  inboundSmtp: InboundSmtpServer | null;
  /** Stops accepting, closes sockets with "service restart", stores everything, closes the store. */
  stop(): Promise<void>;
}

/** Wires store, HTTP API, web assets and sync into one listening process. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const store = openStore(config.databaseUrl);
  await migrateToLatest(store.db, store.dialect);

  const logger = config.logger ?? createLogger({ level: "silent" });
  const metrics = config.metrics ?? new SyncMetrics();
  const log = new StampingUpdateLog(new SqlUpdateLog(store), store);
  const bus = config.redisUrl
    ? await RedisBus.connect(config.redisUrl, logger.child({ component: "bus" }))
    : SINGLE_INSTANCE;
  // Filled before the first socket connects: observers built from `services` join below.
  const observers: DocumentObserver[] = [...(config.observers ?? [])];
  const rooms = new RoomRegistry({
    log,
    bus,
    logger: logger.child({ component: "sync" }),
    metrics,
    compactAfterUpdates: config.compactAfterUpdates ?? 500,
    ...(config.storageOutageMs === undefined ? {} : { storageOutageMs: config.storageOutageMs }),
    observers,
  });
  const mailer = config.mail
    ? createMailer({ ...config.mail, logger: logger.child({ component: "mail" }) })
    : undefined;
  const replyAddresses = config.replyByMail
    ? new ReplyAddresses(store.db, config.replyByMail)
    : undefined;
  // Access that ends over HTTP (logout, removal, deletion) closes the matching sockets too.
  const services = createServices({
    store,
    publicOrigin: config.publicOrigin,
    trustProxy: config.trustProxy,
    ssoSecretKey: config.ssoSecretKey,
    liveSockets: {
      closeSession: (sessionId) => {
        sync.closeSession(sessionId);
        bus.publishAccessChange({ kind: "session-ended", sessionId });
      },
      closePartnershipAccess: (userId, partnershipId) => {
        sync.closePartnershipAccess(userId, partnershipId);
        bus.publishAccessChange({ kind: "partnership-access-ended", userId, partnershipId });
      },
      closeDocument: (documentName) => {
        sync.closeDocument(documentName);
        bus.publishAccessChange({ kind: "document-deleted", documentName });
      },
    },
    loginLimits: config.loginLimits,
    eventStreamsPerUser: config.eventStreamsPerUser,
    metrics,
    feedEvents: new SharedFeedEvents(bus),
    documents: new CurrentDocuments(log, rooms),
    documentWriter: new LiveDocumentWriter(log, bus, rooms, {
      list: observers,
      logger: logger.child({ component: "sync" }),
    }),
    mailer,
    replyAddresses,
    logger: logger.child({ component: "mail" }),
  });
  // Before anyone can read a charter status: endorsements from before 0018 keep standing.
  await upgradeCharterVersions(store.db, services.documents);
  const freezeLogger = logger.child({ component: "decision-freeze" });
  observers.push(
    new DecisionFreeze(new DecisionAgreements(store.db), (err, documentName) =>
      freezeLogger.error({ err, documentName }, "could not put a decided decision back"),
    ),
  );
  // The server's records of entries (field history, trash) from every applied change.
  observers.push(services.records);
  // The search index reads again what each applied change stored; then what it missed.
  observers.push(services.searchIndex);
  services.searchIndex.start();
  const sync = new SyncServer({
    sessions: services.sessions,
    access: services.access,
    rooms,
    publicOrigin: config.publicOrigin,
    trustProxy: config.trustProxy ?? false,
    metrics,
    logger: logger.child({ component: "sync" }),
    ...(config.syncLimits ? { limits: config.syncLimits } : {}),
  });
  // The same, when it happened on another instance.
  bus.onAccessChange((change) => {
    switch (change.kind) {
      case "session-ended":
        return sync.closeSession(change.sessionId);
      case "partnership-access-ended":
        return sync.closePartnershipAccess(change.userId, change.partnershipId);
      case "document-deleted":
        return sync.closeDocument(change.documentName);
    }
  });
  const app = createApp(services, {
    logger,
    ...(config.webDist ? { webDist: config.webDist } : {}),
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
  });

  const digests = new DigestScheduler(
    store.db,
    services.digests,
    services.mailer,
    logger.child({ component: "digest" }),
    config.publicOrigin,
    replyAddresses ? { addresses: replyAddresses, access: services.access } : undefined,
  );
  if (config.digestCheckMs !== undefined) digests.start(config.digestCheckMs);
  const watches = partnershipWatches(
    store.db,
    [services.governanceWatch, services.itemWatch, services.trash],
    logger.child({ component: "watch" }),
  );
  if (config.governanceCheckMs !== undefined) watches.start(config.governanceCheckMs);
  const settled = settledVersions(
    services.versions,
    config.versionSettleMs ?? 10 * 60_000,
    logger.child({ component: "history" }),
  );
  if (config.versionCheckMs !== undefined) settled.start(config.versionCheckMs);

  const inboundSmtp =
    replyAddresses && config.replyByMail?.listen
      ? await InboundSmtpServer.start(
          config.replyByMail.listen,
          new InboundReplies(
            store.db,
            replyAddresses,
            services.posts,
            services.comments,
            new MeetingDiscussions(
              store.db,
              services.meetings,
              services.posts,
              services.feedEvents,
            ),
          ),
          logger.child({ component: "inbound-mail" }),
        )
      : null;
  if (inboundSmtp) {
    logger.info(
      { host: config.replyByMail?.listen?.host, port: inboundSmtp.port },
      "taking replies by e-mail (SMTP)",
    );
  }

  const http = createAdaptorServer({ fetch: app.fetch }) as Server;
  http.on("upgrade", sync.handleUpgrade);
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      await inboundSmtp?.close();
      await sync.shutdown();
      http.closeAllConnections();
      await closed;
      await bus.close();
      await digests.stop();
      await watches.stop();
      await settled.stop();
      await services.searchIndex.stop();
      await services.notificationMail.idle();
      services.mailer.close();
      await store.close();
    })());

  return {
    url: `http://${config.host}:${port}`,
    port,
    store,
    services,
    sync,
    rooms,
    logger,
    inboundSmtp,
    stop,
  };
}
