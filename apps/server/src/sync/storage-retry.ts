import { CloseCode } from "@entente/protocol";
import { isStoreUnavailable } from "../db/store-unavailable.js";

/** A write or read that failed on its own is tried again this many times, after these pauses. */
const FAILURE_RETRY_DELAYS_MS = [50, 250, 1000];

/** Pauses between attempts while the database is away; the last one repeats. */
const OUTAGE_RETRY_DELAYS_MS = [100, 250, 500, 1000];

/** How long a room holds its unstored updates by default while the database is away. */
export const DEFAULT_STORAGE_OUTAGE_MS = 15_000;

/**
 * Runs a storage operation of a room until it succeeds. A failure of the operation itself
 * is retried a few times within about a second. A database out of reach (a restart, a
 * failover: `isStoreUnavailable`) is waited out for up to `outageMs`, so a room rides out
 * a restart with its sockets open and its updates held; then the last error is thrown.
 */
export async function retryStorage<T>(operation: () => Promise<T>, outageMs: number): Promise<T> {
  const outageEnds = Date.now() + outageMs;
  let failures = 0;
  let outageAttempts = 0;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      let delay: number | undefined;
      if (isStoreUnavailable(error)) {
        const step = Math.min(outageAttempts++, OUTAGE_RETRY_DELAYS_MS.length - 1);
        delay = Date.now() < outageEnds ? OUTAGE_RETRY_DELAYS_MS[step] : undefined;
      } else {
        delay = FAILURE_RETRY_DELAYS_MS[failures++];
      }
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * The close code for sockets of a room whose storage gave up: 4503 when the database
 * stayed away, 4500 otherwise. Either way clients reconnect and resend what they have.
 */
export function storageCloseCode(error: unknown): CloseCode {
  return isStoreUnavailable(error) ? CloseCode.StorageUnavailable : CloseCode.StorageFailure;
}
