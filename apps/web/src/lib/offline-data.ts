/**
 * What this browser keeps for working offline, and its removal on sign-out: the live
 * documents' copies in IndexedDB (one database per user and document, so two accounts on
 * one browser never read each other's), the unsent changes kept as a page went away, and the
 * service worker's caches.
 */
import { clearUnsentCopies } from "./unsent-copies";

const DATABASE_PREFIX = "entente-doc/";

/** The IndexedDB database holding `userId`'s copy of the live document `documentName`. */
export function offlineDocumentDatabase(userId: string, documentName: string): string {
  return `${DATABASE_PREFIX}${userId}/${documentName}`;
}

/** What the page tells its service worker (service-worker.ts reads the same shapes). */
export type ServiceWorkerMessage =
  { type: "cache-urls"; urls: readonly string[] } | { type: "clear-user-data" };

export function tellServiceWorker(message: ServiceWorkerMessage): void {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.controller?.postMessage(message);
}

/** Deletes every offline copy of documents and the cached API answers (sign-out). */
export async function clearOfflineData(): Promise<void> {
  tellServiceWorker({ type: "clear-user-data" });
  clearUnsentCopies();
  if (typeof indexedDB === "undefined") return;
  const databases = await indexedDB.databases().catch(() => []);
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => name?.startsWith(DATABASE_PREFIX) ?? false)
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => resolve();
            // Another tab still holds it open: it goes when that tab lets go.
            request.onblocked = () => resolve();
          }),
      ),
  );
}
