import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";
import { REQUEST_ID_HEADER, requestLogger, type RequestLogVariables } from "./request-logger.js";

interface TestEnv {
  Variables: RequestLogVariables & { auth: { user: { id: string } } | null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A bare app behind `requestLogger`, and the raw lines it logged. */
function appBehindLogger() {
  const raw: string[] = [];
  const logger = createLogger({
    level: "info",
    destination: { write: (l: string) => raw.push(l) },
  });
  const app = new Hono<TestEnv>();
  app.use("*", requestLogger(logger));
  return { app, raw };
}

/** An app behind `requestLogger`, a stand-in session middleware, and the lines it logged. */
function loggedApp() {
  const { app, raw } = appBehindLogger();
  app.use("/api/*", async (c, next) => {
    const user = c.req.header("x-test-user");
    c.set("auth", user ? { user: { id: user } } : null);
    await next();
  });
  app.get("/api/partnerships/:id", (c) => {
    c.var.logger.info({ partnershipId: c.req.param("id") }, "inside the route");
    return c.json({ requestId: c.var.requestId });
  });
  app.get("/api/invitations/:token", (c) => c.json({ ok: true }));
  app.get("/api/boom", () => {
    throw new Error("boom");
  });
  app.onError((_error, c) => c.json({ error: "internal" }, 500));
  const lines = () => raw.map((line) => JSON.parse(line));
  const requestLines = () => lines().filter((line) => line.msg.startsWith("request"));
  return { app, raw, lines, requestLines };
}

describe("requestLogger", () => {
  it("generates a request id, sends it back and shares it with the route", async () => {
    const { app, lines } = loggedApp();

    const response = await app.request("/api/partnerships/p1");

    const requestId = response.headers.get(REQUEST_ID_HEADER);
    expect(requestId).toMatch(UUID);
    expect(await response.json()).toEqual({ requestId });
    const [inside, request] = lines();
    expect(inside).toMatchObject({ msg: "inside the route", requestId, partnershipId: "p1" });
    expect(request).toMatchObject({ msg: "request", requestId });
  });

  it("reuses a safe incoming x-request-id", async () => {
    const { app, requestLines } = loggedApp();

    const response = await app.request("/api/partnerships/p1", {
      headers: { [REQUEST_ID_HEADER]: "edge-7f3a.42:1" },
    });

    expect(response.headers.get(REQUEST_ID_HEADER)).toBe("edge-7f3a.42:1");
    expect(requestLines()[0].requestId).toBe("edge-7f3a.42:1");
  });

  it.each([
    ["too long", "a".repeat(65)],
    ["spaces and quotes", 'abc" injected="1'],
    ["a JSON fragment", '{"level":"fatal"}'],
    ["non-ASCII", "idé"],
  ])("replaces an unsafe incoming x-request-id (%s)", async (_label, unsafe) => {
    const { app, raw } = loggedApp();

    const response = await app.request("/api/partnerships/p1", {
      headers: { [REQUEST_ID_HEADER]: unsafe },
    });

    expect(response.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
    expect(raw.join("")).not.toContain(unsafe);
  });

  it("logs one line with method, path, route, status, duration, ids — no query string", async () => {
    const { app, raw, requestLines } = loggedApp();

    const response = await app.request(
      "/api/partnerships/p1?email=ada%40example.test&secret=q-value",
      { headers: { "x-test-user": "user-1", cookie: "entente_session=cookie-value" } },
    );

    const lines = requestLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "info",
      msg: "request",
      method: "GET",
      path: "/api/partnerships/p1",
      route: "/api/partnerships/:id",
      status: 200,
      userId: "user-1",
      requestId: response.headers.get(REQUEST_ID_HEADER),
    });
    expect(lines[0].durationMs).toBeGreaterThanOrEqual(0);
    const output = raw.join("");
    expect(output).not.toMatch(/q-value|ada%40|ada@|example\.test|cookie-value|entente_session/);
  });

  it("leaves the user id out when nobody is signed in", async () => {
    const { app, requestLines } = loggedApp();

    await app.request("/api/partnerships/p1");

    expect(requestLines()[0]).not.toHaveProperty("userId");
  });

  it("masks the invitation token in the logged path", async () => {
    const { app, raw, requestLines } = loggedApp();

    await app.request("/api/invitations/sekrettoken234567");

    expect(requestLines()[0]).toMatchObject({
      path: "/api/invitations/:token",
      route: "/api/invitations/:token",
    });
    expect(raw.join("")).not.toContain("sekrettoken234567");
  });

  it("logs a failed request at error level with the error", async () => {
    const { app, requestLines } = loggedApp();

    const response = await app.request("/api/boom");

    expect(response.status).toBe(500);
    expect(response.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
    const [line] = requestLines();
    expect(line).toMatchObject({ level: "error", msg: "request failed", status: 500 });
    expect(line.err).toMatchObject({ message: "boom" });
  });

  it("logs unmatched requests too", async () => {
    const { app, requestLines } = loggedApp();

    const response = await app.request("/nowhere?x=1", { method: "POST" });

    expect(response.status).toBe(404);
    expect(requestLines()[0]).toMatchObject({
      method: "POST",
      path: "/nowhere",
      route: "unmatched",
      status: 404,
    });
  });

  it("still logs, and rethrows, what no error handler takes (a thrown non-Error)", async () => {
    const { app, raw } = appBehindLogger();
    app.get("/", () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test
      throw "not an Error";
    });

    await expect(Promise.resolve(app.request("/"))).rejects.toBe("not an Error");
    expect(JSON.parse(raw.at(-1) ?? "{}")).toMatchObject({
      level: "error",
      msg: "request failed",
      status: 500,
      route: "/",
    });
  });
});
