import { pino, type DestinationStream, type Logger } from "pino";
import * as Y from "yjs";

export type { Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  level: LogLevel;
  /** Where JSON lines go; standard output when omitted. Tests pass a capturing stream. */
  destination?: DestinationStream;
}

export const REDACTED = "[redacted]";

/** Keys whose values are credentials. Header names as Node and Fetch spell them. */
const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "password_hash",
  "passwordHash",
  "token",
  "sessionToken",
  "session_token",
  "invitationToken",
  "invitation_token",
  "metricsToken",
  "secret",
  "cookie",
  "Cookie",
  "set-cookie",
  "Set-Cookie",
  "authorization",
  "Authorization",
];

/**
 * Keys that carry document content or request bodies. Documents are the partners' shared
 * work: their text never goes into logs, only names, sizes and counts do.
 */
const CONTENT_KEYS = ["content", "update", "updates", "body", "snapshot"];

/** Key spellings folded together: `Set-Cookie`, `set_cookie`, `setCookie` are one key. */
const normalizeKey = (key: string) => key.toLowerCase().replace(/[-_]/g, "");
const REDACTED_KEYS = new Set([...SECRET_KEYS, ...CONTENT_KEYS].map(normalizeKey));

/**
 * pino's own redaction, as a second line behind `scrub` for what the log formatter does not
 * see (child bindings). Only `key` and `*.key`: @pinojs/redact 0.4 throws on a Buffer met
 * under a deeper wildcard (`*.*.key`), and a log call must never throw.
 */
const REDACT_PATHS = [...SECRET_KEYS, ...CONTENT_KEYS].flatMap((key) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? [key, `*.${key}`] : [`["${key}"]`, `*["${key}"]`],
);

/**
 * A pino logger writing one JSON object per line, with ISO timestamps and level names.
 * Secrets (cookies, authorization, passwords, session and invitation tokens) are redacted
 * by key at any depth, and document content is kept out twice: by key, and by replacing
 * any binary value (a Yjs update is bytes) or Yjs document/type with a placeholder.
 * Child bindings are for ids (request, user, document name), never for values.
 */
export function createLogger({ level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrub(object, 0) as Record<string, unknown>,
      },
    },
    destination,
  );
}

const MAX_SCRUB_DEPTH = 10;

/**
 * Copies plain objects and arrays, redacting secret and content keys and replacing bytes
 * and Yjs values with a description. Class instances (errors, dates) are left to pino.
 */
function scrub(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return `[binary ${value.byteLength} bytes]`;
  }
  if (value instanceof Y.Doc) return "[Y.Doc]";
  if (value instanceof Y.AbstractType) return "[Yjs type]";
  if (depth >= MAX_SCRUB_DEPTH) return "[too deep]";
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = REDACTED_KEYS.has(normalizeKey(key)) ? REDACTED : scrub(item, depth + 1);
  }
  return copy;
}
