// Delivery bookkeeping: every keystroke is one Yjs struct (one clock tick of its
// sender), so (sender client id, clock) names it. Senders stamp the send time; each
// receiver looks the pair up in the raw update frame it got (before any Yjs work),
// which gives latency, and counts a pair it already saw as a duplicate.
import * as Y from "yjs";
import { summarize } from "./stats.mjs";

export class Tracker {
  constructor() {
    /** sender client id → Float64Array of send times indexed by clock. */
    this.sent = new Map();
    this.sentCount = 0;
    /** Expected deliveries: for each update, the other synced clients of its room. */
    this.expected = 0;
    this.delivered = 0;
    this.duplicates = 0;
    this.unknown = 0;
    this.latencies = [];
    this.firstSend = Infinity;
    this.lastDelivery = 0;
    /** Latencies of keystrokes sent before this (the harness's and server's JIT warm-up) are not kept. */
    this.warmupUntil = 0;
    /** receiver → sender client id → clocks seen. */
    this.seen = new WeakMap();
  }

  /** A sender is about to send the struct at `clock`; `audience` other clients should get it. */
  onSend(clientId, clock, audience, now = performance.now()) {
    let times = this.sent.get(clientId);
    if (!times || times.length <= clock) {
      const grown = new Float64Array(Math.max(1024, (clock + 1) * 2));
      if (times) grown.set(times);
      times = grown;
      this.sent.set(clientId, times);
    }
    times[clock] = now;
    this.sentCount += 1;
    this.expected += audience;
    if (now < this.firstSend) this.firstSend = now;
  }

  /** `receiver` (a client, with its `clientId`) got an update frame. */
  onReceive(receiver, update, now = performance.now()) {
    if (update.length <= 2) return; // empty update
    const meta = Y.parseUpdateMeta(update);
    for (const [client, from] of meta.from) {
      if (client === receiver.clientId) continue;
      const times = this.sent.get(client);
      if (!times) {
        this.unknown += 1;
        continue;
      }
      const to = meta.to.get(client) ?? from;
      let bySender = this.seen.get(receiver);
      if (!bySender) {
        bySender = new Map();
        this.seen.set(receiver, bySender);
      }
      let seen = bySender.get(client);
      if (!seen) {
        seen = new Set();
        bySender.set(client, seen);
      }
      for (let clock = from; clock < to; clock++) {
        const sentAt = times[clock];
        // Not a keystroke (a writer's paragraph, made before its first one): not counted.
        if (!(sentAt > 0)) continue;
        if (seen.has(clock)) {
          this.duplicates += 1;
          continue;
        }
        seen.add(clock);
        this.delivered += 1;
        if (sentAt >= this.warmupUntil) this.latencies.push(now - sentAt);
        this.lastDelivery = now;
      }
    }
  }

  get lost() {
    return Math.max(0, this.expected - this.delivered);
  }

  /** Waits until every expected delivery arrived or nothing arrived for `quietMs`. */
  async drain(timeoutMs = 10_000, quietMs = 2_000) {
    const deadline = performance.now() + timeoutMs;
    let last = this.delivered;
    let lastChange = performance.now();
    while (this.delivered < this.expected && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      if (this.delivered !== last) {
        last = this.delivered;
        lastChange = performance.now();
      } else if (performance.now() - lastChange > quietMs) break;
    }
  }

  report() {
    const seconds = (this.lastDelivery - this.firstSend) / 1000;
    return {
      updatesSent: this.sentCount,
      deliveriesExpected: this.expected,
      deliveries: this.delivered,
      lost: this.lost,
      duplicated: this.duplicates,
      latencyMs: summarize(this.latencies),
      deliveredPerSecond: seconds > 0 ? Math.round(this.delivered / seconds) : null,
    };
  }
}
