let last = 0;

/**
 * Milliseconds since the epoch, strictly increasing within this process: two posts,
 * notifications or sticky notes created in the same millisecond still sort in the order they
 * were made.
 * Across instances, order is by time, then by id.
 */
export function orderedNow(): number {
  last = Math.max(Date.now(), last + 1);
  return last;
}
