import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { catalogueParts } from "./build/catalogue-parts.ts";
import { precompress } from "./build/precompress.ts";
import { routePreloads } from "./build/route-preloads.ts";
import { serviceWorker } from "./build/service-worker.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
// The API server during `vite dev` (apps/server's default port).
const apiTarget = "http://127.0.0.1:3000";

/**
 * Few, larger chunks instead of dozens of small ones: on HTTP/1.1 a browser opens six
 * connections per host, so forty files queue behind each other however early they are
 * hinted. Libraries go by what needs them.
 */
const CHUNK_GROUPS = [
  // What every page runs first: React and the app's shell.
  // Not the service worker: an entry of its own that must stand alone in `sw.js`.
  {
    name: "app",
    tags: ["$initial" as const],
    test: (id: string) => !id.endsWith("/src/service-worker.ts"),
    priority: 30,
  },
  // React itself, which every page needs: its own group, or a group that captures a module
  // using it (Tiptap's React binding) would take React along (groups include dependencies).
  {
    name: "react",
    test: /node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/,
    priority: 40,
  },
  // The rich-text editor: only the pages that edit or show rich text.
  {
    name: "editor",
    // Not the mention popups (`@tiptap/extension-mention`, `@tiptap/suggestion`): only the
    // composers that offer them load those.
    test: (id: string) =>
      /node_modules[\\/].*(@tiptap|prosemirror|linkifyjs|rope-sequence|w3c-keyname|orderedmap)/.test(
        id,
      ) && !/@tiptap[\\/](extension-mention|suggestion)[\\/]/.test(id),
    priority: 20,
  },
  // Live documents: Yjs and its websocket provider.
  {
    name: "live",
    test: /node_modules[\\/].*[\\/](yjs|lib0|y-websocket|y-protocols)[\\/]/,
    priority: 25,
  },
];

export default defineConfig({
  root,
  plugins: [react(), catalogueParts(), routePreloads(), serviceWorker(), precompress()],
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
    rolldownOptions: { output: { codeSplitting: { groups: CHUNK_GROUPS } } },
  },
});
