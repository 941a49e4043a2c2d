import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

/*
 * The service worker's caching rules, run against an in-memory CacheStorage and a stubbed
 * network: what is answered from where, and that one user's answers never serve another.
 */
const ORIGIN = "https://entente.example";

class MemoryCache {
  readonly entries = new Map<string, Response>();
  private key(request: RequestInfo | URL): string {
    const url = typeof request === "string" || request instanceof URL ? request : request.url;
    return new URL(url, ORIGIN).href;
  }
  match(request: RequestInfo | URL): Promise<Response | undefined> {
    return Promise.resolve(this.entries.get(this.key(request))?.clone());
  }
  put(request: RequestInfo | URL, response: Response): Promise<void> {
    this.entries.set(this.key(request), response.clone());
    return Promise.resolve();
  }
  async add(request: string): Promise<void> {
    await this.put(request, await network(new Request(new URL(request, ORIGIN))));
  }
  keys(): Promise<string[]> {
    return Promise.resolve([...this.entries.keys()]);
  }
}

class MemoryCaches {
  readonly stores = new Map<string, MemoryCache>();
  open(name: string): Promise<MemoryCache> {
    let cache = this.stores.get(name);
    if (!cache) {
      cache = new MemoryCache();
      this.stores.set(name, cache);
    }
    return Promise.resolve(cache);
  }
  delete(name: string): Promise<boolean> {
    return Promise.resolve(this.stores.delete(name));
  }
  keys(): Promise<string[]> {
    return Promise.resolve([...this.stores.keys()]);
  }
}

type Listener = (event: unknown) => void;
const listeners = new Map<string, Listener>();
const caches = new MemoryCaches();
let online = true;
const served = new Map<string, () => Response>();
const network = vi.fn((request: Request) => {
  if (!online) return Promise.reject(new TypeError("Failed to fetch"));
  const answer = served.get(new URL(request.url).pathname);
  return Promise.resolve(answer ? answer() : new Response("missing", { status: 404 }));
});

const json = (body: unknown) => () =>
  new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
const me = (id: string) => json({ user: { id } });

interface Dispatched {
  response: Promise<Response> | null;
  settled: Promise<unknown>;
}

function dispatchFetch(
  path: string,
  init: { method?: string; accept?: string; mode?: string; origin?: string } = {},
): Dispatched {
  const waits: Promise<unknown>[] = [];
  const event = {
    request: {
      url: new URL(path, init.origin ?? ORIGIN).href,
      method: init.method ?? "GET",
      mode: init.mode ?? "cors",
      headers: new Headers(init.accept ? { accept: init.accept } : {}),
    },
    response: null as Promise<Response> | null,
    respondWith(response: Promise<Response>) {
      this.response = response;
    },
    waitUntil(promise: Promise<unknown>) {
      waits.push(promise);
    },
  };
  listeners.get("fetch")?.(event);
  return { response: event.response, settled: Promise.all([event.response, ...waits]) };
}

async function get(path: string, accept = "application/json"): Promise<Response> {
  const { response } = dispatchFetch(path, { accept });
  if (!response) throw new Error(`${path} was not handled`);
  return response;
}

async function message(data: unknown): Promise<void> {
  const waits: Promise<unknown>[] = [];
  listeners.get("message")?.({ data, waitUntil: (p: Promise<unknown>) => waits.push(p) });
  await Promise.all(waits);
}

beforeAll(async () => {
  vi.stubGlobal("caches", caches);
  vi.stubGlobal("fetch", network);
  vi.stubGlobal("self", {
    location: new URL(ORIGIN),
    clients: { claim: () => Promise.resolve() },
    skipWaiting: () => Promise.resolve(),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
  });
  await import("./service-worker");
});

afterAll(() => {
  vi.unstubAllGlobals();
});

beforeEach(() => {
  online = true;
  served.clear();
  caches.stores.clear();
  network.mockClear();
});

describe("the service worker", () => {
  it("answers API reads from the network when online, from the cache when not", async () => {
    served.set("/api/partnerships/p1", json({ name: "fresh" }));
    expect(await (await get("/api/partnerships/p1")).json()).toEqual({ name: "fresh" });
    served.set("/api/partnerships/p1", json({ name: "fresher" }));
    expect(await (await get("/api/partnerships/p1")).json()).toEqual({ name: "fresher" });

    online = false;
    expect(await (await get("/api/partnerships/p1")).json()).toEqual({ name: "fresher" });
    // Never seen: a network error, as without the worker.
    expect((await get("/api/partnerships/p2")).type).toBe("error");
  });

  it("drops the cached answers when /api/me names someone else, or nobody", async () => {
    served.set("/api/me", me("amara"));
    served.set("/api/partnerships/p1", json({ secret: "amara's" }));
    await get("/api/me");
    await get("/api/partnerships/p1");

    served.set("/api/me", me("ben"));
    await get("/api/me");
    online = false;
    expect((await get("/api/partnerships/p1")).type).toBe("error");
    expect(await (await get("/api/me")).json()).toEqual({ user: { id: "ben" } });

    online = true;
    served.set("/api/me", () => new Response("{}", { status: 401 }));
    await get("/api/me");
    online = false;
    expect((await get("/api/me")).type).toBe("error");
  });

  it("keeps the same user's answers across /api/me reads", async () => {
    served.set("/api/me", me("amara"));
    served.set("/api/partnerships/p1", json({ name: "kept" }));
    await get("/api/me");
    await get("/api/partnerships/p1");
    await get("/api/me");
    online = false;
    expect(await (await get("/api/partnerships/p1")).json()).toEqual({ name: "kept" });
  });

  it("forgets the user's answers on sign-out, told by the page or seen passing", async () => {
    served.set("/api/partnerships/p1", json({ name: "x" }));
    await get("/api/partnerships/p1");
    await message({ type: "clear-user-data" });
    expect((await caches.open("entente-api-v1")).entries.size).toBe(0);

    await get("/api/partnerships/p1");
    const logout = dispatchFetch("/api/auth/logout", { method: "POST" });
    expect(logout.response).toBeNull(); // not answered by the worker, only watched
    await logout.settled;
    expect((await caches.open("entente-api-v1")).entries.size).toBe(0);
  });

  it("leaves writes, other origins, event streams, sync and non-JSON API reads alone", () => {
    expect(dispatchFetch("/api/partnerships", { method: "POST" }).response).toBeNull();
    expect(
      dispatchFetch("/api/me", { accept: "application/json", origin: "https://elsewhere.example" })
        .response,
    ).toBeNull();
    expect(
      dispatchFetch("/api/partnerships/p1/events", { accept: "text/event-stream" }).response,
    ).toBeNull();
    expect(dispatchFetch("/sync/p1/charter").response).toBeNull();
    expect(
      dispatchFetch("/api/partnerships/p1/export.pdf", { accept: "application/pdf" }).response,
    ).toBeNull();
  });

  it("serves hashed assets from the cache once fetched", async () => {
    served.set("/assets/app-1234.js", () => new Response("console.log(1)"));
    await get("/assets/app-1234.js", "*/*");
    await get("/assets/app-1234.js", "*/*");
    expect(network).toHaveBeenCalledTimes(1);
    online = false;
    expect(await (await get("/assets/app-1234.js", "*/*")).text()).toBe("console.log(1)");
  });

  it("opens pages offline from the cached page, else the last page served", async () => {
    served.set(
      "/p/p1",
      () => new Response("<p>p1</p>", { headers: { "content-type": "text/html" } }),
    );
    const navigate = (path: string) => {
      const { response } = dispatchFetch(path, { mode: "navigate", accept: "text/html" });
      if (!response) throw new Error("navigation not handled");
      return response;
    };
    expect(await (await navigate("/p/p1")).text()).toBe("<p>p1</p>");
    online = false;
    expect(await (await navigate("/p/p1")).text()).toBe("<p>p1</p>");
    expect(await (await navigate("/p/p1/objectives")).text()).toBe("<p>p1</p>");
  });

  it("caches what the page loaded before the worker controlled it", async () => {
    served.set("/assets/first-1.js", () => new Response("first"));
    served.set("/api/me", me("amara"));
    await message({ type: "cache-urls", urls: [`${ORIGIN}/assets/first-1.js`, "/api/me"] });
    online = false;
    expect(await (await get("/assets/first-1.js", "*/*")).text()).toBe("first");
    expect(await (await get("/api/me")).json()).toEqual({ user: { id: "amara" } });
  });
});
