/**
 * The service worker (built to `/sw.js`, scope `/`): keeps the app shell, the hashed assets
 * and the signed-in user's API answers so that a page opened before opens again with no
 * network, its documents coming from IndexedDB.
 *
 * - Navigations (HTML): network first, the cached page when the network fails.
 * - `/assets/*` (content-hashed, immutable): cache first.
 * - `GET /api/*` asking for JSON: network first, the cached answer when the network fails.
 *   The cached answers belong to one user: they are dropped when `/api/me` names someone
 *   else or nobody, and on sign-out.
 * Only GETs of this origin are ever cached; event streams and sync sockets pass through.
 *
 * Self-contained on purpose (no imports): it is built as its own file, outside the app's chunks.
 */

// A module to TypeScript (its names stay its own); the built file exports nothing.
export {};

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventLike extends ExtendableEventLike {
  readonly data: unknown;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(
    type: "install" | "activate",
    listener: (event: ExtendableEventLike) => void,
  ): void;
  addEventListener(type: "fetch", listener: (event: FetchEventLike) => void): void;
  addEventListener(type: "message", listener: (event: MessageEventLike) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;

const VERSION = "v1";
const SHELL_CACHE = `entente-shell-${VERSION}`;
const ASSET_CACHE = `entente-assets-${VERSION}`;
const API_CACHE = `entente-api-${VERSION}`;
const CACHES = [SHELL_CACHE, ASSET_CACHE, API_CACHE];
/** Where the last page served is kept for any route never opened before (the SPA shell). */
const SHELL_KEY = "/";
const SESSION_PATH = "/api/me";
/**
 * Assets fetched as the worker installs: code that pages load only when used (the charter's
 * editor), needed offline too. The build writes their URLs here, as JSON
 * (build/service-worker.ts); unbuilt, there are none.
 */
const PRECACHE_LIST: string = "__ENTENTE_PRECACHE__";
const PRECACHE: readonly string[] = PRECACHE_LIST.startsWith("[")
  ? (JSON.parse(PRECACHE_LIST) as string[])
  : [];

worker.addEventListener("install", (event) => {
  event.waitUntil(Promise.all([cacheLoaded(PRECACHE), worker.skipWaiting()]));
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith("entente-") && !CACHES.includes(name))
          .map((name) => caches.delete(name)),
      );
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener("message", (event) => {
  const message = event.data;
  if (typeof message !== "object" || message === null || !("type" in message)) return;
  if (message.type === "clear-user-data") {
    event.waitUntil(clearUserData());
  } else if (message.type === "cache-urls" && "urls" in message && Array.isArray(message.urls)) {
    event.waitUntil(
      cacheLoaded(message.urls.filter((url): url is string => typeof url === "string")),
    );
  }
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (request.method !== "GET") {
    // Signing out through the API: nothing of that user's answers stays.
    if (url.pathname === "/api/auth/logout") event.waitUntil(clearUserData());
    return;
  }
  if (url.pathname.startsWith("/sync/")) return;
  if (request.headers.get("accept")?.includes("text/event-stream")) return;

  if (url.pathname.startsWith("/api/")) {
    if (!request.headers.get("accept")?.includes("application/json")) return;
    event.respondWith(networkFirstApi(request, url));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirstPage(request));
  }
});

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(ASSET_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirstPage(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get("content-type")?.includes("text/html")) {
      await Promise.all([
        cache.put(request, response.clone()),
        cache.put(SHELL_KEY, response.clone()),
      ]);
    }
    return response;
  } catch (error) {
    const cached = (await cache.match(request)) ?? (await cache.match(SHELL_KEY));
    if (cached) return cached;
    throw error;
  }
}

async function networkFirstApi(request: Request, url: URL): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    const cached = await (await caches.open(API_CACHE)).match(request);
    return cached ?? Response.error();
  }
  if (url.pathname === SESSION_PATH) await followSession(response);
  if (response.ok && response.headers.get("content-type")?.includes("application/json")) {
    await (await caches.open(API_CACHE)).put(request, response.clone());
  }
  return response;
}

/**
 * `/api/me` answered: the cached answers are kept only if they are this same user's (the
 * cached `/api/me` says whose they are; with none, whose is unknown, so they go too).
 */
async function followSession(response: Response): Promise<void> {
  if (!response.ok) {
    if (response.status === 401) await clearUserData();
    return;
  }
  const cached = await (await caches.open(API_CACHE)).match(SESSION_PATH);
  const [now, before] = await Promise.all([
    userIdOf(response.clone()),
    cached ? userIdOf(cached) : null,
  ]);
  if (now === null || before !== now) await clearUserData();
}

async function userIdOf(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.json();
    if (typeof body !== "object" || body === null || !("user" in body)) return null;
    const user = body.user;
    return typeof user === "object" && user !== null && "id" in user && typeof user.id === "string"
      ? user.id
      : null;
  } catch {
    return null;
  }
}

async function clearUserData(): Promise<void> {
  await caches.delete(API_CACHE);
}

/**
 * What the page loaded before this worker controlled it (its first visit): the assets, the
 * page itself and the session answer, fetched again (assets from the HTTP cache) and kept.
 */
async function cacheLoaded(urls: readonly string[]): Promise<void> {
  await Promise.all(
    urls.map(async (raw) => {
      const url = new URL(raw, worker.location.origin);
      if (url.origin !== worker.location.origin) return;
      try {
        if (url.pathname.startsWith("/assets/")) {
          const cache = await caches.open(ASSET_CACHE);
          if (!(await cache.match(url.href))) await cache.add(url.href);
        } else if (url.pathname.startsWith("/api/")) {
          await networkFirstApi(
            new Request(url.href, { headers: { Accept: "application/json" } }),
            url,
          );
        } else {
          await networkFirstPage(new Request(url.href, { headers: { Accept: "text/html" } }));
        }
      } catch {
        // Not reachable now: it is cached on its next load instead.
      }
    }),
  );
}
