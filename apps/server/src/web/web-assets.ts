import fs from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { AppEnv } from "../http/context.js";
import type { Logger } from "../observability/logger.js";

/**
 * Serves the built web app: hashed assets as files, every other GET that is not
 * API or sync falls back to index.html so client-side routes survive a reload.
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
  app.use("*", serveStatic({ root: webDist }));
  app.get("*", async (c) => {
    const requestPath = c.req.path;
    if (requestPath.startsWith("/api/") || requestPath.startsWith("/sync/")) return c.notFound();
    c.header("Cache-Control", "no-cache");
    // Read each time: a rebuilt web app is served without restarting the server.
    return c.html(await fs.promises.readFile(indexFile, "utf8"));
  });
}
