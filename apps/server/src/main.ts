import { loadEnv } from "./env.js";
import { createLogger } from "./observability/logger.js";
import { SyncMetrics } from "./observability/metrics.js";
import { seedDemo } from "./seed/demo.js";
import { startServer } from "./server.js";

const env = loadEnv();
const logger = createLogger({ level: env.LOG_LEVEL });
const server = await startServer({
  port: env.PORT,
  host: env.HOST,
  databaseUrl: env.DATABASE_URL,
  publicOrigin: env.PUBLIC_ORIGIN,
  webDist: env.WEB_DIST,
  syncLimits: {
    maxFrameBytes: env.SYNC_MAX_FRAME_BYTES,
    connectionsPerAddress: { max: env.SYNC_CONNECTS_PER_ADDRESS_PER_MINUTE, windowMs: 60_000 },
    connectionsPerUser: { max: env.SYNC_CONNECTS_PER_USER_PER_MINUTE, windowMs: 60_000 },
    socketsPerUser: env.SYNC_SOCKETS_PER_USER,
  },
  eventStreamsPerUser: env.EVENT_STREAMS_PER_USER,
  redisUrl: env.REDIS_URL,
  trustProxy: env.TRUST_PROXY,
  logger,
  metrics: new SyncMetrics({ collectDefaultMetrics: true }),
  metricsToken: env.METRICS_TOKEN,
  ssoSecretKey: env.SSO_SECRET_KEY,
  mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: env.OUTBOX_DIR },
  replyByMail:
    env.INBOUND_DOMAIN && env.REPLY_TOKEN_SECRET
      ? {
          domain: env.INBOUND_DOMAIN,
          secret: env.REPLY_TOKEN_SECRET,
          validForMs: env.REPLY_TOKEN_DAYS * 24 * 60 * 60_000,
          listen:
            env.INBOUND_SMTP_PORT === undefined
              ? undefined
              : {
                  host: env.INBOUND_SMTP_HOST,
                  port: env.INBOUND_SMTP_PORT,
                  maxBytes: env.INBOUND_MAX_BYTES,
                },
        }
      : undefined,
  digestCheckMs: env.DIGEST_CHECK_MINUTES * 60_000,
  governanceCheckMs: env.GOVERNANCE_CHECK_MINUTES * 60_000,
  versionCheckMs: 60_000,
  versionSettleMs: env.VERSION_SETTLE_MINUTES * 60_000,
});
if (env.SEED_DEMO) {
  await seedDemo(server.store, logger);
  // The demo is written beside the running server, not through it: the search index reads it.
  server.services.searchIndex.start();
}

const store = env.DATABASE_URL.startsWith("sqlite:") ? env.DATABASE_URL : "PostgreSQL";
logger.info(
  { publicOrigin: env.PUBLIC_ORIGIN, listening: server.url, store },
  `Entente is running at ${env.PUBLIC_ORIGIN}`,
);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "closing sockets and flushing");
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.fatal({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
