import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { describe, expect, it } from "vitest";
import { loggablePath, routeLabel, UNMATCHED_ROUTE } from "./http-route.js";

/** An app shaped like Entente's: global and /api middleware, mounted routers, a catch-all. */
function appRecordingLabels(options: { spa?: boolean } = {}) {
  const labels: string[] = [];
  const app = new Hono();
  app.use("*", async (c, next) => {
    await next();
    labels.push(routeLabel(c));
  });
  app.use("/api/*", bodyLimit({ maxSize: 8, onError: (c) => c.text("too large", 413) }));
  app.use("/api/*", async (_c, next) => next());
  app.route(
    "/api/partnerships",
    new Hono()
      .get("/:id", (c) => (c.req.param("id") === "missing" ? c.notFound() : c.text("ok")))
      .post("/", (c) => c.text("created", 201)),
  );
  app.get("/api/boom", () => {
    throw new Error("boom");
  });
  if (options.spa) {
    app.get("*", (c) => (c.req.path.startsWith("/api/") ? c.notFound() : c.html("<html>")));
  }
  app.onError((_error, c) => c.text("failed", 500));
  return { app, labels };
}

describe("routeLabel", () => {
  it("names the template of the route that answered, under its mount point", async () => {
    const { app, labels } = appRecordingLabels();

    await app.request("/api/partnerships/p123");
    await app.request("/api/partnerships", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });

    expect(labels).toEqual(["/api/partnerships/:id", "/api/partnerships"]);
  });

  it("keeps the template when the route itself answers 404 or fails", async () => {
    const { app, labels } = appRecordingLabels();

    const missing = await app.request("/api/partnerships/missing");
    const failed = await app.request("/api/boom");

    expect([missing.status, failed.status]).toEqual([404, 500]);
    expect(labels).toEqual(["/api/partnerships/:id", "/api/boom"]);
  });

  it("calls a request no route answered unmatched, with or without a catch-all", async () => {
    const plain = appRecordingLabels();
    const spa = appRecordingLabels({ spa: true });

    await plain.app.request("/api/nothing/here");
    await spa.app.request("/api/nothing/here");
    await spa.app.request("/some/page");

    expect(plain.labels).toEqual([UNMATCHED_ROUTE]);
    expect(spa.labels).toEqual([UNMATCHED_ROUTE, "/*"]);
  });

  it("names the middleware pattern when a middleware answers early", async () => {
    const { app, labels } = appRecordingLabels();

    const response = await app.request("/api/partnerships", {
      method: "POST",
      body: "more than eight bytes",
    });

    expect(response.status).toBe(413);
    expect(labels).toEqual(["/api/*"]);
  });
});

describe("loggablePath", () => {
  it("drops the query string and fragment", () => {
    expect(loggablePath("/login?next=/p/1&email=ada@example.test")).toBe("/login");
    expect(loggablePath("/p/1#section")).toBe("/p/1");
  });

  it("masks invitation tokens in web and API paths", () => {
    expect(loggablePath("/invite/abcdefghij234567")).toBe("/invite/:token");
    expect(loggablePath("/api/invitations/abcdefghij234567")).toBe("/api/invitations/:token");
    expect(loggablePath("/api/invitations/abcdefghij234567/accept")).toBe(
      "/api/invitations/:token/accept",
    );
  });

  it("leaves ids and paths that only end with an invitations segment alone", () => {
    expect(loggablePath("/api/partnerships/p123/invitations")).toBe(
      "/api/partnerships/p123/invitations",
    );
    expect(loggablePath("/invite/")).toBe("/invite/");
    expect(loggablePath("/")).toBe("/");
  });

  it("bounds very long paths", () => {
    const logged = loggablePath(`/${"a".repeat(5000)}`);
    expect(logged.length).toBeLessThanOrEqual(201);
    expect(logged.endsWith("…")).toBe(true);
  });
});
