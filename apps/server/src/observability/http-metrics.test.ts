import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { httpMetrics } from "./http-metrics.js";
import { SyncMetrics } from "./metrics.js";

function countOf(text: string, labels: string): number | undefined {
  const series = `entente_http_requests_total{${labels}}`;
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function measuredApp() {
  const metrics = new SyncMetrics();
  const app = new Hono();
  app.use("*", httpMetrics(metrics));
  app.get("/api/partnerships/:id", (c) => c.json({ id: c.req.param("id") }));
  app.post("/api/auth/login", (c) => c.json({ error: "wrong" }, 401));
  app.get("/api/boom", () => {
    throw new Error("boom");
  });
  app.onError((_error, c) => c.text("failed", 500));
  return { app, metrics };
}

describe("httpMetrics", () => {
  it("counts requests by method, route template and status", async () => {
    const { app, metrics } = measuredApp();

    await app.request("/api/partnerships/p1");
    await app.request("/api/partnerships/p2?x=1");
    await app.request("/api/auth/login", { method: "POST" });
    await app.request("/api/boom");
    await app.request("/nowhere");

    const text = await metrics.render();
    expect(countOf(text, 'method="GET",route="/api/partnerships/:id",status="200"')).toBe(2);
    expect(countOf(text, 'method="POST",route="/api/auth/login",status="401"')).toBe(1);
    expect(countOf(text, 'method="GET",route="/api/boom",status="500"')).toBe(1);
    expect(countOf(text, 'method="GET",route="unmatched",status="404"')).toBe(1);
    expect(text).not.toContain("p1");
  });

  it("times each request", async () => {
    const { app, metrics } = measuredApp();

    await app.request("/api/partnerships/p1");

    const text = await metrics.render();
    const count = text
      .split("\n")
      .find((l) =>
        l.startsWith(
          'entente_http_request_duration_seconds_count{method="GET",route="/api/partnerships/:id"}',
        ),
      );
    expect(count?.endsWith(" 1")).toBe(true);
  });
});
