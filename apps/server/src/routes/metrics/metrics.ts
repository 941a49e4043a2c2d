import { createHash, timingSafeEqual } from "node:crypto";
import { ErrorCode } from "@entente/protocol";
import { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import { errorBody } from "../../http/errors.js";
import type { SyncMetrics } from "../../observability/metrics.js";

export interface MetricsRouteOptions {
  metrics: SyncMetrics;
  /** The bearer token a scraper must send. Without one, the endpoint does not exist (404). */
  token: string | undefined;
}

/**
 * `GET /metrics` in the Prometheus text format, mounted at the root (not under /api).
 * Only with `Authorization: Bearer <METRICS_TOKEN>`: the server usually sits behind a
 * reverse proxy on the same host, where every request comes from loopback, so the
 * client address cannot tell a local scraper from the internet.
 */
export function metricsRoutes({ metrics, token }: MetricsRouteOptions): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/", async (c) => {
    if (token === undefined) return c.notFound();
    if (!bearerMatches(c.req.header("authorization"), token)) {
      c.header("WWW-Authenticate", 'Bearer realm="metrics"');
      return c.json(errorBody(ErrorCode.Unauthorized, "A valid metrics token is required"), 401);
    }
    c.header("Cache-Control", "no-store");
    return c.body(await metrics.render(), 200, { "Content-Type": metrics.contentType });
  });
}

/** Compares digests, so neither the token's content nor its length leaks through timing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  return timingSafeEqual(sha256(match[1]), sha256(token));
}

function sha256(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
