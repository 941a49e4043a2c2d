import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { Session, SessionService } from "../auth/sessions.js";
import { DomainError } from "../domain-error.js";
import type { ConcurrencyCap } from "../limits/concurrency-cap.js";

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;

export interface EventStreamOptions<E extends { type: string }> {
  /** Starts delivering events to `send`; returns the unsubscribe. */
  subscribe(send: (event: E) => void): () => void;
  /**
   * Whether the caller may still listen (session alive, still a member). Asked before
   * events are written and at every heartbeat; once false, the stream ends.
   */
  stillAllowed(): Promise<boolean>;
  heartbeatMs?: number | undefined;
  /** The per-user cap of live streams, and whose stream this is: a full cap answers 429. */
  cap: { streams: ConcurrencyCap; userId: string };
}

/**
 * Server-Sent Events: each event is one `data:` line of JSON with a `type`, sent as the
 * default `message` event (so `EventSource.onmessage` gets them all), and a `: heartbeat`
 * comment every {@link HEARTBEAT_MS}. The caller has authorized the request already. A
 * user holding as many streams as the cap allows gets 429 `rate_limited` instead.
 */
export function eventStream<E extends { type: string }>(
  c: Context,
  options: EventStreamOptions<E>,
): Response {
  const release = options.cap.streams.acquire(options.cap.userId);
  if (!release) {
    throw new DomainError(
      "rate_limited",
      `At most ${options.cap.streams.max} live event streams at once; close another first`,
    );
  }
  return streamSSE(c, async (stream) => {
    const queue: E[] = [];
    let heartbeatDue = false;
    let wake: (() => void) | undefined;
    const nudge = () => {
      wake?.();
      wake = undefined;
    };
    const unsubscribe = options.subscribe((event) => {
      queue.push(event);
      nudge();
    });
    const timer = setInterval(() => {
      heartbeatDue = true;
      nudge();
    }, options.heartbeatMs ?? HEARTBEAT_MS);
    stream.onAbort(nudge);
    try {
      // Sends the headers at once: the client knows it is listening.
      await stream.write(": connected\n\n");
      while (!stream.aborted) {
        if (queue.length === 0 && !heartbeatDue) {
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        // A failed check ends the stream too; the client reconnects and is checked afresh.
        if (!(await options.stillAllowed().catch(() => false))) break;
        if (heartbeatDue) {
          heartbeatDue = false;
          await stream.write(": heartbeat\n\n");
        }
        for (let event = queue.shift(); event; event = queue.shift()) {
          await stream.writeSSE({ data: JSON.stringify(event) });
        }
      }
    } finally {
      clearInterval(timer);
      unsubscribe();
      release();
    }
  });
}

/** Whether the session a stream was opened with still exists and has not expired. */
export async function sessionAlive(sessions: SessionService, session: Session): Promise<boolean> {
  const expiresAt = (await sessions.expiries([session.id])).get(session.id);
  return expiresAt !== undefined && expiresAt > Date.now();
}
