import type { MiddlewareHandler } from "hono";
import { routeLabel } from "./http-route.js";
import type { SyncMetrics } from "./metrics.js";

/**
 * Counts every answered request and its duration by method, route template and status.
 * Mount it right after `requestLogger`, before anything that may answer early (body limit).
 */
export function httpMetrics(metrics: SyncMetrics): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    let failed = false;
    try {
      await next();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      metrics.httpRequestFinished({
        method: c.req.method,
        route: routeLabel(c),
        status: failed ? 500 : c.res.status,
        durationSeconds: (performance.now() - start) / 1000,
      });
    }
  };
}
