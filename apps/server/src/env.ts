import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { LOG_LEVELS } from "./observability/logger.js";
import { parseSecretKey } from "./sso/secret-box.js";

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repositoryRoot = path.resolve(serverRoot, "../..");

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    /** `sqlite:<path>` (default, relative to the repository root) or `postgres://…`. */
    DATABASE_URL: z
      .string()
      .regex(/^(sqlite:|postgres(ql)?:\/\/)/, "must start with sqlite: or postgres://")
      .default("sqlite:./data/entente.sqlite"),
    /** Origin users reach the app at; invitation links and cookie security derive from it. */
    PUBLIC_ORIGIN: z.url().optional(),
    /** Folder of the built web app; the server serves it with an SPA fallback. */
    WEB_DIST: z.string().min(1).default(path.join(repositoryRoot, "apps/web/dist")),
    /** Seed the "Northwind × Southpeak" demo on start when it is not there yet. */
    SEED_DEMO: booleanFlag.default(false),
    /** pino level; `silent` turns logging off. */
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    /** Bearer token Prometheus sends to GET /metrics; unset, /metrics answers 404. */
    METRICS_TOKEN: z.string().min(32, "use at least 32 characters").optional(),
    /** Largest sync frame a client may send, in bytes (the socket closes with 1009 above it). */
    SYNC_MAX_FRAME_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(8 * 1024 * 1024),
    /**
     * Behind a load balancer: take each client's address from the last X-Forwarded-For
     * entry (the one the balancer adds), so rate limits count clients, not the balancer.
     */
    TRUST_PROXY: booleanFlag.default(false),
    /** Connection attempts per client address per minute, counted before authentication. */
    SYNC_CONNECTS_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** Connection attempts per user per minute. */
    SYNC_CONNECTS_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).default(240),
    /** Sync sockets a user may hold open at once, per instance; the next upgrade gets 429. */
    SYNC_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(200),
    /** Live event streams (SSE) a user may hold open at once, per instance; the next gets 429. */
    EVENT_STREAMS_PER_USER: z.coerce.number().int().min(1).default(50),
    /**
     * `redis://…`: several instances serve the same documents (updates, presence and
     * access changes cross instances; one compacts at a time). Needs a PostgreSQL store.
     */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
      .optional(),
    /** `smtp://…` or `smtps://…` (user and password in the URL); unset, e-mail goes to the log and OUTBOX_DIR. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
    /** The sender of every e-mail. */
    MAIL_FROM: z.string().min(3).default("Entente <entente@localhost>"),
    /** Where e-mails are written (`.eml` files) when no SMTP_URL is set; relative to the repository root. */
    OUTBOX_DIR: z.string().min(1).default("./data/outbox"),
    /** Digest e-mails (daily, weekly) are sent by a scheduler that checks this often. */
    DIGEST_CHECK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    /**
     * How often decisions and the charter are checked for what waits on an organization,
     * and actions and issues for status changes and due dates passed.
     */
    GOVERNANCE_CHECK_MINUTES: z.coerce.number().int().min(1).max(1440).default(2),
    /** A rich-text document with no edit for this long gets an automatic version. */
    VERSION_SETTLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
    /**
     * Reply by e-mail: the domain of reply addresses (`reply+<token>@INBOUND_DOMAIN`) put in
     * notification and digest e-mails, and the secret that signs their tokens. Both or neither.
     */
    INBOUND_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+$/i, "a domain name, e.g. reply.example.org")
      .optional(),
    REPLY_TOKEN_SECRET: z.string().min(32, "use at least 32 characters").optional(),
    /** How long a reply address stays good after the e-mail that carried it. */
    REPLY_TOKEN_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Listen for replies by SMTP on this port (no TLS, no auth: keep it behind the MX). */
    INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    INBOUND_SMTP_HOST: z.string().min(1).default("127.0.0.1"),
    /** Largest inbound message, in bytes; a larger one is refused (552). */
    INBOUND_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    /**
     * 32 random bytes, base64 (`openssl rand -base64 32`): encrypts organizations' OpenID
     * client secrets. Unset, single sign-on cannot be configured.
     */
    SSO_SECRET_KEY: z
      .string()
      .refine((value) => parseSecretKey(value) !== null, "must be 32 bytes, base64-encoded")
      .optional(),
  })
  .refine((env) => !env.REDIS_URL || !env.DATABASE_URL.startsWith("sqlite:"), {
    message: "REDIS_URL needs DATABASE_URL=postgres://… (instances must share one store)",
    path: ["REDIS_URL"],
  })
  .refine((env) => (env.INBOUND_DOMAIN === undefined) === (env.REPLY_TOKEN_SECRET === undefined), {
    message: "set INBOUND_DOMAIN and REPLY_TOKEN_SECRET together (reply by e-mail)",
    path: ["REPLY_TOKEN_SECRET"],
  })
  .refine((env) => env.INBOUND_SMTP_PORT === undefined || env.INBOUND_DOMAIN !== undefined, {
    message: "INBOUND_SMTP_PORT needs INBOUND_DOMAIN and REPLY_TOKEN_SECRET",
    path: ["INBOUND_SMTP_PORT"],
  })
  .transform((env) => ({
    ...env,
    PUBLIC_ORIGIN: (env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    DATABASE_URL: resolveSqlitePath(env.DATABASE_URL),
    OUTBOX_DIR: path.resolve(repositoryRoot, env.OUTBOX_DIR),
  }));

export type Env = z.infer<typeof EnvSchema>;

/** Relative SQLite paths are taken from the repository root, wherever the process starts. */
function resolveSqlitePath(url: string): string {
  if (!url.startsWith("sqlite:")) return url;
  const file = url.slice("sqlite:".length);
  if (file === ":memory:" || path.isAbsolute(file)) return url;
  return `sqlite:${path.resolve(repositoryRoot, file)}`;
}

/** Validates the environment once at start; a bad value stops the process with a clear message. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return parsed.data;
}
