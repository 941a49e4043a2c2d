import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter.js";

describe("RateLimiter", () => {
  it("allows max events per window per key, then refuses until the window resets", () => {
    let now = 1_000;
    const limiter = new RateLimiter({ max: 3, windowMs: 60_000 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take("a"))).toEqual([true, true, true, false]);
    expect(limiter.take("b")).toBe(true);
    expect(limiter.retryAfterMs("a")).toBe(60_000);
    now += 60_000;
    expect(limiter.take("a")).toBe(true);
  });

  it("forgets a key on reset, and takes back one event on giveBack", () => {
    const limiter = new RateLimiter({ max: 1, windowMs: 60_000 });
    limiter.take("a");
    limiter.reset("a");
    expect(limiter.take("a")).toBe(true);
    limiter.giveBack("a");
    expect(limiter.take("a")).toBe(true);
    expect(limiter.take("a")).toBe(false);
  });
});
