import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin, Rolldown } from "vite";
import { closure } from "./route-preloads.ts";

const ENTRY = fileURLToPath(new URL("../src/service-worker.ts", import.meta.url));
/** The worker's URL: at the root, so its scope is the whole app. */
export const SERVICE_WORKER_FILE = "sw.js";

/**
 * What the worker fetches as it installs, for pages to work offline with code they load
 * only when used: the charter's editor (loaded at the first sign of interaction, which may
 * come after the network went). Source modules, relative to apps/web.
 */
const OFFLINE_MODULES = ["src/features/charter/components/loaded-rich-text-editor.tsx"];
/** The string in `src/service-worker.ts` that the build replaces with those chunks' URLs. */
const PRECACHE_PLACEHOLDER = "__ENTENTE_PRECACHE__";

/**
 * Builds `src/service-worker.ts` as its own entry, `dist/sw.js` (a fixed name, no hash: the
 * browser finds its worker by URL; the server sends it with `Cache-Control: no-cache`), and
 * writes into it the chunks of {@link OFFLINE_MODULES} (a module in no chunk fails the build).
 */
export function serviceWorker(): Plugin {
  let root = "";
  let base = "/";
  return {
    name: "entente:service-worker",
    apply: "build",
    enforce: "post",
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    buildStart() {
      this.emitFile({ type: "chunk", id: ENTRY, fileName: SERVICE_WORKER_FILE });
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (output): output is Rolldown.OutputChunk => output.type === "chunk",
      );
      const urls = OFFLINE_MODULES.flatMap((module) => {
        const id = path.resolve(root, module);
        const chunk = chunks.find((candidate) => candidate.moduleIds.includes(id));
        if (!chunk) throw new Error(`service-worker: ${module} is in no chunk of the build`);
        return closure(bundle, chunk.fileName).scripts.map((file) => base + file);
      });
      const worker = bundle[SERVICE_WORKER_FILE];
      // The string as the minifier wrote it: in any quotes.
      const placeholder = new RegExp(`([\`"'])${PRECACHE_PLACEHOLDER}\\1`);
      if (worker?.type !== "chunk" || !placeholder.test(worker.code)) {
        throw new Error(`service-worker: ${SERVICE_WORKER_FILE} has no ${PRECACHE_PLACEHOLDER}`);
      }
      worker.code = worker.code.replace(
        placeholder,
        JSON.stringify(JSON.stringify([...new Set(urls)])),
      );
    },
  };
}
