import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import {
  LANGUAGE_COOKIE,
  ROUTE_PRELOADS_FILE,
  type RoutePreloadsManifest,
} from "@entente/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { ApiHarness } from "../test/api-harness.js";

/**
 * A fresh `ApiHarness` and a built web app's folder (with its `assets/`) in a temporary
 * directory, for each test; the test's own set-up writes the files it serves.
 */
function useWebDist() {
  let harness: ApiHarness | undefined;
  let webDist: string | undefined;
  beforeEach(async () => {
    harness = await ApiHarness.create();
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), "entente-web-"));
    fs.mkdirSync(path.join(webDist, "assets"));
  });
  afterEach(async () => {
    await harness?.close();
    if (webDist) fs.rmSync(webDist, { recursive: true, force: true });
    harness = undefined;
    webDist = undefined;
  });
  const outside = () => new Error("the web app's folder exists only while a test runs");
  return {
    get harness() {
      if (!harness) throw outside();
      return harness;
    },
    get webDist() {
      if (!webDist) throw outside();
      return webDist;
    },
  };
}

describe("the served web app", () => {
  const ctx = useWebDist();

  beforeEach(() => {
    fs.writeFileSync(path.join(ctx.webDist, "index.html"), "<!doctype html><title>Entente</title>");
    fs.writeFileSync(path.join(ctx.webDist, "assets", "app-1234.js"), "console.log(1)");
  });

  it("answers every client route with index.html and the security headers", async () => {
    const app = createApp(ctx.harness.services, { webDist: ctx.webDist });
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
    const app = createApp(ctx.harness.services, { webDist: ctx.webDist });
    const asset = await app.request("/assets/app-1234.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    const missingApi = await app.request("/api/nope");
    expect(missingApi.status).toBe(404);
    expect(await missingApi.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("serves the service worker at the root, never kept without asking", async () => {
    const script = `self.addEventListener("fetch", () => {}); // ${"x".repeat(2048)}`;
    fs.writeFileSync(path.join(ctx.webDist, "sw.js"), script);
    fs.writeFileSync(path.join(ctx.webDist, "sw.js.br"), brotliCompressSync(script));
    const app = createApp(ctx.harness.services, { webDist: ctx.webDist });
    for (const encoding of ["identity", "br"]) {
      const response = await app.request("/sw.js", { headers: { "Accept-Encoding": encoding } });
      expect(response.status, encoding).toBe(200);
      expect(response.headers.get("content-type"), encoding).toContain("javascript");
      expect(response.headers.get("cache-control"), encoding).toBe("no-cache");
    }
    // Hashed assets keep their year-long, immutable caching.
    const asset = await app.request("/assets/app-1234.js");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("serves a rebuilt index.html without a restart", async () => {
    const app = createApp(ctx.harness.services, { webDist: ctx.webDist });
    fs.writeFileSync(path.join(ctx.webDist, "index.html"), "<!doctype html><title>Rebuilt</title>");
    expect(await (await app.request("/p/abc")).text()).toContain("Rebuilt");
  });
});

describe("what the served web app costs a browser", () => {
  const ctx = useWebDist();

  beforeEach(() => {
    fs.writeFileSync(
      path.join(ctx.webDist, "index.html"),
      "<!doctype html><head><title>Entente</title></head><body>" + "x".repeat(2000) + "</body>",
    );
    const script = `console.log(${JSON.stringify("entente ".repeat(500))})`;
    fs.writeFileSync(path.join(ctx.webDist, "assets", "app-1234.js"), script);
    fs.writeFileSync(
      path.join(ctx.webDist, "assets", "app-1234.js.br"),
      brotliCompressSync(script),
    );
    fs.writeFileSync(path.join(ctx.webDist, "assets", "app-1234.js.gz"), gzipSync(script));
    const manifest: RoutePreloadsManifest = {
      routes: [
        {
          pattern: "/p/:partnershipId",
          earlyScripts: ["/assets/live-1.js"],
          scripts: ["/assets/charter-1.js"],
          styles: ["/assets/charter-1.css"],
          fetches: ["/api/me", "/api/partnerships/:partnershipId"],
        },
        {
          pattern: "/login",
          scripts: ["/assets/sign-in-1.js"],
          styles: [],
          fetches: [],
          catalogue: "sign-in",
        },
        { pattern: "*", scripts: ["/assets/app-entry-1.js"], styles: [], fetches: [] },
      ],
      catalogues: { en: ["/assets/en-1.js"], fr: ["/assets/fr-1.js"] },
      signInCatalogues: { en: ["/assets/en-sign-in-1.js"], fr: ["/assets/fr-sign-in-1.js"] },
    };
    fs.writeFileSync(path.join(ctx.webDist, ROUTE_PRELOADS_FILE), JSON.stringify(manifest));
  });

  it("sends the build's Brotli or gzip copy of an asset, as the browser accepts", async () => {
    const app = createApp(ctx.harness.services, { webDist: ctx.webDist });
    const brotli = await app.request("/assets/app-1234.js", {
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(brotli.headers.get("content-encoding")).toBe("br");
    expect(brotli.headers.get("vary")).toContain("Accept-Encoding");
    expect(brotli.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toContain(
      "entente",
    );
    const gzip = await app.request("/assets/app-1234.js", {
      headers: { "accept-encoding": "gzip" },
    });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    const plain = await app.request("/assets/app-1234.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toContain("entente");
  });

  it("compresses the page and JSON answers, never an event stream, and keeps the page uncached", async () => {
    const app = createApp(ctx.harness.services, { webDist: ctx.webDist });
    const page = await app.request("/login", { headers: { "accept-encoding": "gzip" } });
    expect(page.headers.get("content-encoding")).toBe("gzip");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString()).toContain("Entente");

    const ada = await ctx.harness.signup("Ada");
    const cookie = ada.cookie;
    const organizationId = await ctx.harness.createOrganization(ada, "Northwind");
    for (let i = 0; i < 12; i++) {
      await ctx.harness.createPartnership(ada, organizationId, `Partnership number ${i}`);
    }
    const me = await app.request("/api/me", { headers: { cookie, "accept-encoding": "gzip" } });
    expect(me.headers.get("content-encoding")).toBe("gzip");
    const body = JSON.parse(gunzipSync(Buffer.from(await me.arrayBuffer())).toString());
    expect(body.partnerships).toHaveLength(12);
    const events = await app.request("/api/notifications/events", {
      headers: { cookie, "accept-encoding": "gzip" },
    });
    expect(events.headers.get("content-type")).toContain("text/event-stream");
    expect(events.headers.get("content-encoding")).toBeNull();
    await events.body?.cancel();
  });

  it("names the route's chunks, stylesheets, first reads and the page's language in preload hints", async () => {
    const app = createApp(ctx.harness.services, { webDist: ctx.webDist });
    const charter = await (
      await app.request("/p/abc123", { headers: { "accept-language": "fr-CA,fr;q=0.9" } })
    ).text();
    expect(charter).toContain('<link rel="modulepreload" crossorigin href="/assets/fr-1.js">');
    expect(charter).not.toContain("/assets/en-1.js");
    expect(charter).toContain('<link rel="modulepreload" crossorigin href="/assets/charter-1.js">');
    expect(charter).toContain('<link rel="stylesheet" crossorigin href="/assets/charter-1.css">');
    expect(charter).toContain('<link rel="preload" as="fetch" crossorigin href="/api/me">');
    expect(charter).toContain(
      '<link rel="preload" as="fetch" crossorigin href="/api/partnerships/abc123">',
    );
    expect(charter.indexOf("charter-1.js")).toBeLessThan(charter.indexOf("</head>"));
    // The reads are asked for before the scripts (six connections per host), and what the
    // entry opens at once (the live document) before the reads.
    expect(charter.indexOf("/api/partnerships/abc123")).toBeLessThan(
      charter.indexOf("/assets/charter-1.js"),
    );
    expect(charter).toContain('<link rel="modulepreload" crossorigin href="/assets/live-1.js">');
    expect(charter.indexOf("/assets/live-1.js")).toBeLessThan(charter.indexOf("/api/me"));

    // The language the user chose in the app wins over the browser's; the sign-in page
    // names only the sign-in part of the messages.
    const chosen = await (
      await app.request("/login", {
        headers: { "accept-language": "fr", cookie: `${LANGUAGE_COOKIE}=en` },
      })
    ).text();
    expect(chosen).toContain("/assets/en-sign-in-1.js");
    expect(chosen).not.toContain("/assets/en-1.js");
    expect(chosen).not.toContain("charter-1.js");
    // The first route that matches wins: the sign-in page names its own entry, not the app's.
    expect(chosen).toContain("/assets/sign-in-1.js");
    expect(chosen).not.toContain("/assets/app-entry-1.js");
    // Any other page, even one of no route, names the whole catalogue, and `*` its chunks.
    const other = await (await app.request("/settings/nowhere")).text();
    expect(other).toContain("/assets/en-1.js");
    expect(other).toContain('<link rel="modulepreload" crossorigin href="/assets/app-entry-1.js">');

    // A path segment that is no id is never written into a hint.
    const odd = await (await app.request('/p/a"b')).text();
    expect(odd).not.toContain("/api/partnerships/a");
  });
});
