import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CollabConnection } from "./collab-connection";

/** A provider as far as the early start uses it: events, connect, and what destroy does. */
class FakeProvider {
  connected = false;
  destroyed = false;
  private readonly handlers = new Map<string, Set<(event: never) => void>>();
  on(name: string, handler: (event: never) => void) {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set());
    this.handlers.get(name)?.add(handler);
  }
  off(name: string, handler: (event: never) => void) {
    this.handlers.get(name)?.delete(handler);
  }
  emit(name: string, event: unknown) {
    for (const handler of this.handlers.get(name) ?? []) handler(event as never);
  }
  listeners(name: string) {
    return this.handlers.get(name)?.size ?? 0;
  }
  connect() {
    this.connected = true;
  }
}

const created: FakeProvider[] = [];
vi.mock("./collab-connection", () => ({
  createCollabConnection: () => {
    const provider = new FakeProvider();
    created.push(provider);
    return { ydoc: {}, provider } as unknown as CollabConnection;
  },
  destroyCollabConnection: ({ provider }: CollabConnection) => {
    (provider as unknown as FakeProvider).destroyed = true;
  },
}));

// A fresh registry per test: it is module state.
async function early() {
  vi.resetModules();
  return import("./early-connections");
}

describe("a live document opened before its page", () => {
  beforeEach(() => {
    created.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("connects at once and is handed, connected, to the page that claims it", async () => {
    const { openEarlyConnection, claimEarlyConnection } = await early();
    openEarlyConnection("p1/charter");
    const [provider] = created;
    expect(provider?.connected).toBe(true);
    provider?.emit("status", { status: "connected" });
    const claimed = claimEarlyConnection("p1/charter");
    expect(claimed?.provider).toBe(provider);
    expect(provider?.listeners("status")).toBe(0);
    // Claimed once: the next page opens its own, and a late early start does nothing.
    expect(claimEarlyConnection("p1/charter")).toBeNull();
    openEarlyConnection("p1/charter");
    expect(created).toHaveLength(1);
    vi.advanceTimersByTime(60_000);
    expect(provider?.destroyed).toBe(false);
  });

  it("is dropped when its socket closes before it ever opened (no session, no access)", async () => {
    const { openEarlyConnection, claimEarlyConnection } = await early();
    openEarlyConnection("p2/charter");
    created[0]?.emit("connection-close", null);
    expect(created[0]?.destroyed).toBe(true);
    expect(claimEarlyConnection("p2/charter")).toBeNull();
  });

  it("is dropped on a final close code, and when no page claims it in time", async () => {
    const { openEarlyConnection, claimEarlyConnection } = await early();
    openEarlyConnection("p3/charter");
    created[0]?.emit("status", { status: "connected" });
    created[0]?.emit("closed", { code: 4403 });
    expect(created[0]?.destroyed).toBe(true);

    openEarlyConnection("p4/charter");
    created[1]?.emit("status", { status: "connected" });
    created[1]?.emit("connection-close", null);
    expect(created[1]?.destroyed).toBe(false);
    vi.advanceTimersByTime(15_000);
    expect(created[1]?.destroyed).toBe(true);
    expect(claimEarlyConnection("p4/charter")).toBeNull();
  });
});
