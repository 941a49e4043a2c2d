/** How many events a key may have within a window. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * Fixed-window counters per key, in memory (per server instance). Old windows are
 * swept as keys are touched, so memory stays bounded by the keys active in a window.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event for `key`; false when the key is over its limit. */
  take(key: string): boolean {
    const window = this.current(key);
    window.count += 1;
    return window.count <= this.limit.max;
  }

  /** Un-counts one event of `key` (an attempt that turned out fine). */
  giveBack(key: string): void {
    const window = this.windows.get(key);
    if (window && window.count > 0) window.count -= 1;
  }

  /** Milliseconds until `key`'s window resets. */
  retryAfterMs(key: string): number {
    const window = this.windows.get(key);
    return window ? Math.max(0, window.start + this.limit.windowMs - this.now()) : 0;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): { start: number; count: number } {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.limit.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.limit.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.limit.windowMs) this.windows.delete(key);
    }
  }
}
