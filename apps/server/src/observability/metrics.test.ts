import { describe, expect, it } from "vitest";
import { FrameRejectReason, SyncMetrics } from "./metrics.js";

/** The value of one series (`name` or `name{labels}`) in a text exposition. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("SyncMetrics", () => {
  it("tracks open connections and loaded documents as gauges", async () => {
    const metrics = new SyncMetrics();
    metrics.connectionOpened();
    metrics.connectionOpened();
    metrics.connectionOpened();
    metrics.connectionClosed();
    metrics.documentLoaded();
    metrics.documentLoaded();
    metrics.documentUnloaded();

    const text = await metrics.render();

    expect(text).toContain("# TYPE entente_sync_connections_open gauge");
    expect(sample(text, "entente_sync_connections_open")).toBe(2);
    expect(sample(text, "entente_sync_connections_opened_total")).toBe(3);
    expect(sample(text, "entente_sync_documents_loaded")).toBe(1);
  });

  it("counts updates and bytes", async () => {
    const metrics = new SyncMetrics();
    metrics.updateReceived();
    metrics.updateReceived();
    metrics.updatesStored(1);
    metrics.bytesReceived(120);
    metrics.bytesReceived(30);
    metrics.bytesSent(400);

    const text = await metrics.render();

    expect(text).toContain("# TYPE entente_sync_updates_received_total counter");
    expect(sample(text, "entente_sync_updates_received_total")).toBe(2);
    expect(sample(text, "entente_sync_updates_applied_total")).toBe(1);
    expect(sample(text, "entente_sync_received_bytes_total")).toBe(150);
    expect(sample(text, "entente_sync_sent_bytes_total")).toBe(400);
  });

  it("counts rejected frames by reason, every known reason starting at zero", async () => {
    const metrics = new SyncMetrics();
    metrics.frameRejected(FrameRejectReason.TooLarge);
    metrics.frameRejected(FrameRejectReason.TooLarge);
    metrics.frameRejected("text_frame");

    const text = await metrics.render();

    const series = (reason: string) => `entente_sync_frames_rejected_total{reason="${reason}"}`;
    expect(sample(text, series("too_large"))).toBe(2);
    expect(sample(text, series("text_frame"))).toBe(1);
    for (const reason of ["invalid_message", "rate_limited", "forbidden_awareness"]) {
      expect(sample(text, series(reason)), reason).toBe(0);
    }
    expect(sample(text, series("guard_rejected"))).toBe(0);
  });

  it("times storage writes into second buckets and passes the result through", async () => {
    const metrics = new SyncMetrics();

    const result = await metrics.timeStorageWrite(() => Promise.resolve("stored"));
    const failure = metrics.timeStorageWrite(() => Promise.reject(new Error("disk full")));

    expect(result).toBe("stored");
    await expect(failure).rejects.toThrow("disk full");
    const text = await metrics.render();
    expect(text).toContain("# TYPE entente_storage_write_duration_seconds histogram");
    const ok = 'outcome="ok"';
    expect(sample(text, `entente_storage_write_duration_seconds_count{${ok}}`)).toBe(1);
    // Buckets run from half a millisecond to a second.
    expect(
      sample(text, `entente_storage_write_duration_seconds_bucket{le="0.0005",${ok}}`),
    ).toBeDefined();
    expect(sample(text, `entente_storage_write_duration_seconds_bucket{le="1",${ok}}`)).toBe(1);
    expect(sample(text, `entente_storage_write_duration_seconds_bucket{le="+Inf",${ok}}`)).toBe(1);
    expect(sample(text, 'entente_storage_write_duration_seconds_count{outcome="error"}')).toBe(1);
  });

  it("records a slow write in the bucket it belongs to", async () => {
    const metrics = new SyncMetrics();

    await metrics.timeStorageWrite(() => new Promise((resolve) => setTimeout(resolve, 30)));

    const text = await metrics.render();
    const bucket = (le: string) =>
      sample(text, `entente_storage_write_duration_seconds_bucket{le="${le}",outcome="ok"}`);
    // At least 30 ms, so never in the ≤ 25 ms bucket; a loaded machine may take longer,
    // so the upper bound is only that it is counted somewhere.
    expect(bucket("0.025")).toBe(0);
    expect(bucket("+Inf")).toBe(1);
    expect(
      sample(text, 'entente_storage_write_duration_seconds_sum{outcome="ok"}'),
    ).toBeGreaterThan(0.025);
  });

  it("counts compactions and their duration, failed ones apart", async () => {
    const metrics = new SyncMetrics();

    await metrics.timeCompaction(() => Promise.resolve(42));
    await metrics.timeCompaction(() => Promise.resolve(43));
    await expect(metrics.timeCompaction(() => Promise.reject(new Error("no")))).rejects.toThrow();

    const text = await metrics.render();
    expect(sample(text, 'entente_sync_compactions_total{outcome="ok"}')).toBe(2);
    expect(sample(text, 'entente_sync_compactions_total{outcome="error"}')).toBe(1);
    expect(sample(text, 'entente_sync_compaction_duration_seconds_count{outcome="ok"}')).toBe(2);
  });

  it("counts HTTP requests by method, route and status, and times them", async () => {
    const metrics = new SyncMetrics();
    const request = { method: "GET", route: "/api/partnerships/:id", durationSeconds: 0.02 };
    metrics.httpRequestFinished({ ...request, status: 200 });
    metrics.httpRequestFinished({ ...request, status: 200 });
    metrics.httpRequestFinished({ ...request, status: 404 });
    metrics.httpRequestFinished({
      method: "BREW",
      route: "unmatched",
      status: 404,
      durationSeconds: 0,
    });

    const text = await metrics.render();

    const route = 'route="/api/partnerships/:id"';
    expect(sample(text, `entente_http_requests_total{method="GET",${route},status="200"}`)).toBe(2);
    expect(sample(text, `entente_http_requests_total{method="GET",${route},status="404"}`)).toBe(1);
    expect(
      sample(text, 'entente_http_requests_total{method="OTHER",route="unmatched",status="404"}'),
    ).toBe(1);
    expect(sample(text, `entente_http_request_duration_seconds_count{method="GET",${route}}`)).toBe(
      3,
    );
    expect(
      sample(
        text,
        `entente_http_request_duration_seconds_bucket{le="0.025",method="GET",${route}}`,
      ),
    ).toBe(3);
  });

  it("counts rate-limited logins", async () => {
    const metrics = new SyncMetrics();
    metrics.loginRateLimited();

    expect(sample(await metrics.render(), "entente_auth_login_rate_limited_total")).toBe(1);
  });

  it("keeps each instance's registry apart", async () => {
    const first = new SyncMetrics();
    const second = new SyncMetrics();
    first.connectionOpened();

    expect(sample(await first.render(), "entente_sync_connections_open")).toBe(1);
    expect(sample(await second.render(), "entente_sync_connections_open")).toBe(0);
  });

  it("adds Node's process metrics only when asked", async () => {
    const plain = await new SyncMetrics().render();
    const withDefaults = await new SyncMetrics({ collectDefaultMetrics: true }).render();

    expect(plain).not.toContain("process_cpu_user_seconds_total");
    expect(withDefaults).toContain("process_cpu_user_seconds_total");
    expect(withDefaults).toContain("nodejs_eventloop_lag_seconds");
  });

  it("stamps default labels on every series", async () => {
    const metrics = new SyncMetrics({ defaultLabels: { instance: "a" } });
    metrics.connectionOpened();

    expect(sample(await metrics.render(), 'entente_sync_connections_open{instance="a"}')).toBe(1);
  });

  it("names the Prometheus text content type", () => {
    expect(new SyncMetrics().contentType).toBe("text/plain; version=0.0.4; charset=utf-8");
  });
});
