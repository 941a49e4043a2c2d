import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { catalogueParts } from "./build/catalogue-parts.ts";
import { chunkGroups } from "./build/chunk-groups.ts";
import { featureEntryPoints } from "./build/feature-entry-points.ts";
import { precompress } from "./build/precompress.ts";
import { routePreloads } from "./build/route-preloads.ts";
import { serviceWorker } from "./build/service-worker.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
// The API server during `vite dev` (apps/server's default port).
const apiTarget = "http://127.0.0.1:3000";

export default defineConfig({
  root,
  plugins: [
    featureEntryPoints(root),
    react(),
    catalogueParts(),
    routePreloads(),
    serviceWorker(),
    precompress(),
  ],
  server: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/sync": { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // The lazily loaded editor chunk carries Tiptap + ProseMirror.
    chunkSizeWarningLimit: 800,
    // One stylesheet for the whole app (12 KB gzip): a page waits for one file instead of
    // one per lazy chunk, each discovered late or hinted separately.
    cssCodeSplit: false,
    rolldownOptions: { output: { codeSplitting: { groups: chunkGroups(root) } } },
  },
});
