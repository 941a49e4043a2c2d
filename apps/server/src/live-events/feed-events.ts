import type { PartnershipEvent, UserFeedEvent } from "@entente/protocol";

/** Who an event is for: everyone in a partnership, or one user (their notifications). */
export type FeedTopic =
  { kind: "partnership"; partnershipId: string } | { kind: "user"; userId: string };

type EventOf<T extends FeedTopic> = T extends { kind: "partnership" }
  ? PartnershipEvent
  : UserFeedEvent;

/**
 * Live events of the updates feed, published by the routes once a change is stored and
 * delivered to the open event streams. Events are plain JSON, so an implementation can
 * carry them between server instances (Redis pub/sub) behind this same interface.
 */
export interface FeedEvents {
  publish<T extends FeedTopic>(topic: T, event: EventOf<T>): void;
  /** Calls `listener` with every event published on `topic` from now on; returns the unsubscribe. */
  subscribe<T extends FeedTopic>(topic: T, listener: (event: EventOf<T>) => void): () => void;
}

function topicKey(topic: FeedTopic): string {
  return topic.kind === "partnership" ? `p:${topic.partnershipId}` : `u:${topic.userId}`;
}

/** One process: events reach the streams open on this instance. */
export class InProcessFeedEvents implements FeedEvents {
  private readonly listeners = new Map<string, Set<(event: never) => void>>();

  publish<T extends FeedTopic>(topic: T, event: EventOf<T>): void {
    const listeners = this.listeners.get(topicKey(topic));
    if (!listeners) return;
    // A copy: a listener may unsubscribe (its stream closed) while we deliver.
    for (const listener of [...listeners]) {
      try {
        (listener as (event: EventOf<T>) => void)(event);
      } catch {
        // One broken stream must not keep the event from the others.
      }
    }
  }

  subscribe<T extends FeedTopic>(topic: T, listener: (event: EventOf<T>) => void): () => void {
    const key = topicKey(topic);
    let listeners = this.listeners.get(key);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(key, listeners);
    }
    listeners.add(listener);
    return () => {
      const current = this.listeners.get(key);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(key);
    };
  }

  /** Open subscriptions, over all topics (tests check that closed streams let go). */
  get subscriptionCount(): number {
    let count = 0;
    for (const listeners of this.listeners.values()) count += listeners.size;
    return count;
  }
}
