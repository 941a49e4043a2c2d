import { describe, expect, it } from "vitest";
import { ConcurrencyCap } from "./concurrency-cap.js";

describe("ConcurrencyCap", () => {
  it("hands out max slots per key, and one more once one is given back", () => {
    const cap = new ConcurrencyCap(2);
    const first = cap.acquire("ada");
    const second = cap.acquire("ada");
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(cap.acquire("ada")).toBeNull();
    // Another key has its own slots.
    expect(cap.acquire("bob")).not.toBeNull();

    first?.();
    expect(cap.count("ada")).toBe(1);
    expect(cap.acquire("ada")).not.toBeNull();
    expect(cap.acquire("ada")).toBeNull();
  });

  it("gives a slot back once, however often its release is called", () => {
    const cap = new ConcurrencyCap(2);
    const release = cap.acquire("ada");
    cap.acquire("ada");
    release?.();
    release?.();
    expect(cap.count("ada")).toBe(1);
  });
});
