import { tellServiceWorker } from "./offline-data";

/** Where the build puts the service worker (`src/service-worker.ts`). */
const SERVICE_WORKER_URL = "/sw.js";

/**
 * Registers the service worker once the page has loaded (it never competes with the first
 * paint), then hands it what this first visit loaded before it could see it: the page, its
 * assets and the session answer.
 */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  const register = () => {
    navigator.serviceWorker
      .register(SERVICE_WORKER_URL, { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then(() => {
        const urls = performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter((name) => {
            const url = new URL(name, window.location.origin);
            return url.origin === window.location.origin && url.pathname.startsWith("/assets/");
          });
        const message = {
          type: "cache-urls",
          urls: [window.location.href, "/api/me", ...urls],
        } as const;
        if (navigator.serviceWorker.controller) tellServiceWorker(message);
        else {
          navigator.serviceWorker.addEventListener(
            "controllerchange",
            () => tellServiceWorker(message),
            {
              once: true,
            },
          );
        }
      })
      .catch(() => undefined);
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
