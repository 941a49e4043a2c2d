import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { precompress } from "./build/precompress.ts";
import { routePreloads } from "./build/route-preloads.ts";
import { serviceWorker } from "./build/service-worker.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
// The API server during `vite dev` (apps/server's default port).
const apiTarget = "http://127.0.0.1:3000";

export default defineConfig({
  root,
  plugins: [react(), routePreloads(), serviceWorker(), precompress()],
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
    // The lazily loaded charter chunk carries Tiptap + ProseMirror + Yjs.
    chunkSizeWarningLimit: 800,
  },
});
