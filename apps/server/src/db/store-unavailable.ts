/**
 * Errors that mean the database cannot be reached right now (a restart, a failover, a
 * network cut), as opposed to a query that failed on its own: the same request succeeds
 * once the database is back. HTTP answers them 503 `unavailable`; sync holds its unstored
 * updates and retries them for a while.
 */

/** Socket-level failures of the TCP connection to the database. */
const NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL SQLSTATEs of a server going away or not taking connections yet:
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, and the 08
 * class (connection exception).
 */
const UNAVAILABLE_STATES: ReadonlySet<string> = new Set(["57P01", "57P02", "57P03"]);

/** What `pg` says (without a code) when its connection ended or never came up. */
const CONNECTION_MESSAGES = [
  "Connection terminated",
  "connection error and is not queryable",
  "Client was closed and is not queryable",
  "timeout exceeded when trying to connect",
  "Connection terminated due to connection timeout",
];

/** Whether `error` (or an error it wraps) says the database is out of reach. */
export function isStoreUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth++) {
    if (!(current instanceof Error)) return false;
    // Node reports a refused connection to a name with several addresses as one of these.
    if (current instanceof AggregateError && current.errors.some(isStoreUnavailable)) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith("08")) {
        return true;
      }
    }
    const { message } = current;
    if (CONNECTION_MESSAGES.some((known) => message.includes(known))) return true;
    current = current.cause;
  }
  return false;
}
