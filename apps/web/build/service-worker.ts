import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const ENTRY = fileURLToPath(new URL("../src/service-worker.ts", import.meta.url));
/** The worker's URL: at the root, so its scope is the whole app. */
export const SERVICE_WORKER_FILE = "sw.js";

/**
 * Builds `src/service-worker.ts` as its own entry, `dist/sw.js` (a fixed name, no hash: the
 * browser finds its worker by URL; the server sends it with `Cache-Control: no-cache`).
 */
export function serviceWorker(): Plugin {
  return {
    name: "entente:service-worker",
    apply: "build",
    buildStart() {
      this.emitFile({ type: "chunk", id: ENTRY, fileName: SERVICE_WORKER_FILE });
    },
  };
}
