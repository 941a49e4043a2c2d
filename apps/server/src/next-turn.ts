/**
 * Resolves on the event loop's next turn, after the I/O waiting meanwhile. On SQLite every
 * query resolves at once, so a long run of awaited queries never lets a socket be served:
 * work that loops over many items awaits this between two of them.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
