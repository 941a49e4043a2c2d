/**
 * Counts the local updates of one document the server has not acknowledged yet.
 *
 * y-websocket has no acknowledgements, but the sync server answers a client's sync step 1
 * with a sync step 2 only after it has stored everything that client sent before (its
 * queue is per room and in order, and a step 1 flushes unstored updates first). So a step 1
 * sent after some local updates is a probe: its answer acknowledges all of them.
 */
export class AckTracker {
  private ackedSeq = 0;
  /** The step 1 frames sent on the current socket, oldest first: the local count each covers. */
  private probes: (number | null)[] = [];

  private localSeq = 0;

  /** Local updates not acknowledged by the server. */
  get pending(): number {
    return this.localSeq - this.ackedSeq;
  }

  localUpdate(): void {
    this.localSeq += 1;
  }

  /**
   * Changes an earlier visit left unacknowledged (the count kept in IndexedDB). Counted as
   * the newest: only a probe sent from now on can acknowledge them.
   */
  carry(count: number): void {
    if (Number.isFinite(count) && count > 0) this.localSeq += Math.floor(count);
  }

  /**
   * A socket opened: the provider sends its own step 1 first, before the updates it made
   * offline (those go in its step 2, answering the server's step 1), so that first answer
   * acknowledges nothing.
   */
  connectionOpened(): void {
    this.probes = [null];
  }

  /** The socket closed: answers to what was sent on it will never come. */
  connectionClosed(): void {
    this.probes = [];
  }

  /** A probe is worth sending: the document is synced, something is unacknowledged, none in flight. */
  shouldProbe(synced: boolean): boolean {
    return synced && this.pending > 0 && this.probes.length === 0;
  }

  probeSent(): void {
    this.probes.push(this.localSeq);
  }

  /** A sync step 2 arrived: the answer to the oldest step 1 still waiting. */
  answerReceived(): void {
    const covered = this.probes.shift();
    if (covered !== undefined && covered !== null && covered > this.ackedSeq) {
      this.ackedSeq = covered;
    }
  }
}
