import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { ApiHarness } from "../test/api-harness.js";

describe("the served web app", () => {
  let harness: ApiHarness;
  let webDist: string;

  beforeEach(async () => {
    harness = await ApiHarness.create();
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), "entente-web-"));
    fs.mkdirSync(path.join(webDist, "assets"));
    fs.writeFileSync(path.join(webDist, "index.html"), "<!doctype html><title>Entente</title>");
    fs.writeFileSync(path.join(webDist, "assets", "app-1234.js"), "console.log(1)");
  });

  afterEach(async () => {
    await harness.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it("answers every client route with index.html and the security headers", async () => {
    const app = createApp(harness.services, { webDist });
    for (const route of ["/", "/login", "/p/abc", "/invite/xyz"]) {
      const response = await app.request(route);
      expect(response.status, route).toBe(200);
      expect(await response.text(), route).toContain("<title>Entente</title>");
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, route).toMatch(/script-src 'self'(;|$)/);
      expect(csp, route).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), route).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), route).toBe(
        "strict-origin-when-cross-origin",
      );
    }
  });

  it("serves hashed assets as immutable files and keeps API 404s as JSON", async () => {
    const app = createApp(harness.services, { webDist });
    const asset = await app.request("/assets/app-1234.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    const missingApi = await app.request("/api/nope");
    expect(missingApi.status).toBe(404);
    expect(await missingApi.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("serves a rebuilt index.html without a restart", async () => {
    const app = createApp(harness.services, { webDist });
    fs.writeFileSync(path.join(webDist, "index.html"), "<!doctype html><title>Rebuilt</title>");
    expect(await (await app.request("/p/abc")).text()).toContain("Rebuilt");
  });
});
