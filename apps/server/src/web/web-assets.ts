import fs from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import { compress } from "hono/compress";
import type { AppEnv } from "../http/context.js";
import type { Logger } from "../observability/logger.js";
import { preloadHints, readRoutePreloads } from "./route-preloads.js";

/** The built service worker (apps/web/build/service-worker.ts names it). */
const SERVICE_WORKER_FILE = "sw.js";

/**
 * Serves the built web app: hashed assets as files (the build's Brotli or gzip copy when the
 * browser takes one), every other GET that is not API or sync falls back to index.html so
 * client-side routes survive a reload. The page names, in preload hints, what its route
 * loads first, so the browser asks for all of it at once.
 */
export function mountWebAssets(app: Hono<AppEnv>, webDist: string, logger: Logger): void {
  const indexFile = path.join(webDist, "index.html");
  if (!fs.existsSync(indexFile)) {
    logger.warn({ indexFile }, "Web app not built: serving API and sync only");
    return;
  }
  // Vite's asset names carry a content hash: they never change, so cache them for good.
  app.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  // The service worker has a fixed URL: the browser must ask each time whether it changed.
  app.use(`/${SERVICE_WORKER_FILE}`, async (c, next) => {
    await next();
    if (c.res.status === 200) c.header("Cache-Control", "no-cache");
  });
  app.use("*", serveStatic({ root: webDist, precompressed: true }));
  app.get("*", compress(), async (c) => {
    const requestPath = c.req.path;
    if (requestPath.startsWith("/api/") || requestPath.startsWith("/sync/")) return c.notFound();
    c.header("Cache-Control", "no-cache");
    // Read each time: a rebuilt web app is served without restarting the server.
    const [html, preloads] = await Promise.all([
      fs.promises.readFile(indexFile, "utf8"),
      readRoutePreloads(webDist),
    ]);
    const hints = preloadHints(preloads, requestPath, {
      cookie: c.req.header("cookie"),
      acceptLanguage: c.req.header("accept-language"),
    });
    return c.html(hints === "" ? html : html.replace("</head>", `${hints}\n  </head>`));
  });
}
