import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../http/context.js";
import { handleError, handleNotFound } from "../../http/errors.js";
import { SyncMetrics } from "../../observability/metrics.js";
import { metricsRoutes } from "./metrics.js";

const TOKEN = "scrape-token-0123456789abcdef";

/** `/metrics` mounted at the root as `createApp` mounts it, with the app's error contract. */
function appWithMetrics(token: string | undefined) {
  const metrics = new SyncMetrics();
  const app = new Hono<AppEnv>();
  app.route("/metrics", metricsRoutes({ metrics, token }));
  app.notFound(handleNotFound);
  app.onError(handleError);
  return { app, metrics };
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe("GET /metrics", () => {
  it("answers the Prometheus text format to the right bearer token", async () => {
    const { app, metrics } = appWithMetrics(TOKEN);
    metrics.connectionOpened();
    metrics.frameRejected("too_large");

    const response = await app.request("/metrics", bearer(TOKEN));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).toContain("# HELP entente_sync_connections_open ");
    expect(text).toContain("# TYPE entente_sync_connections_open gauge");
    expect(text).toMatch(/^entente_sync_connections_open 1$/m);
    expect(text).toMatch(/^entente_sync_frames_rejected_total\{reason="too_large"\} 1$/m);
  });

  it("accepts the scheme in any case", async () => {
    const { app } = appWithMetrics(TOKEN);

    const response = await app.request("/metrics", {
      headers: { authorization: `bearer ${TOKEN}` },
    });

    expect(response.status).toBe(200);
  });

  it.each([
    ["no header", {}],
    ["a wrong token", bearer("wrong-token")],
    ["a prefix of the token", bearer(TOKEN.slice(0, 10))],
    ["another scheme", { headers: { authorization: `Basic ${TOKEN}` } }],
    ["the token as a cookie", { headers: { cookie: `token=${TOKEN}` } }],
  ])("answers 401 unauthorized to %s", async (_label, init) => {
    const { app } = appWithMetrics(TOKEN);

    const response = await app.request("/metrics", init);

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: expect.any(String) },
    });
  });

  it("does not exist when no token is configured", async () => {
    const { app } = appWithMetrics(undefined);

    const response = await app.request("/metrics", bearer(TOKEN));

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: expect.any(String) },
    });
  });

  it("serves GET only", async () => {
    const { app } = appWithMetrics(TOKEN);

    const response = await app.request("/metrics", { method: "POST", ...bearer(TOKEN) });

    expect(response.status).toBe(404);
  });
});
