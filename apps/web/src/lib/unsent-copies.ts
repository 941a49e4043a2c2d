/**
 * A live document's changes the server has not acknowledged, copied to localStorage as the
 * page goes away. The IndexedDB copy gets each change in a transaction of its own; under load
 * they queue, and the browser drops those still queued when the page unloads. A localStorage
 * write is synchronous and cannot be dropped that way: the next visit merges the copy back
 * (Yjs merges are idempotent) and drops it once the server acknowledged everything.
 */
const COPY_PREFIX = "entente-unsent/";

/** Keeps `update` for the document whose IndexedDB database is `databaseName`. */
export function keepUnsentCopy(databaseName: string, update: Uint8Array): void {
  try {
    localStorage.setItem(COPY_PREFIX + databaseName, toBase64(update));
  } catch {
    // Storage full or disabled: the IndexedDB copy is all there is, as before.
  }
}

/** The copy kept for `databaseName` as the last visit went away, if any. */
export function unsentCopy(databaseName: string): Uint8Array | null {
  try {
    const kept = localStorage.getItem(COPY_PREFIX + databaseName);
    return kept === null ? null : fromBase64(kept);
  } catch {
    return null;
  }
}

export function dropUnsentCopy(databaseName: string): void {
  try {
    localStorage.removeItem(COPY_PREFIX + databaseName);
  } catch {
    // Nothing to drop when storage is disabled.
  }
}

/** Removes every kept copy (sign-out). */
export function clearUnsentCopies(): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index));
    for (const key of keys) {
      if (key?.startsWith(COPY_PREFIX)) localStorage.removeItem(key);
    }
  } catch {
    // Nothing kept when storage is disabled.
  }
}

/** `String.fromCharCode` takes its bytes as arguments: at most this many per call. */
const BYTES_PER_CALL = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += BYTES_PER_CALL) {
    binary += String.fromCharCode(...bytes.subarray(start, start + BYTES_PER_CALL));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}
