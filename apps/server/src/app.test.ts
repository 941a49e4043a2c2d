import { SESSION_COOKIE } from "@entente/protocol";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiHarness, type ApiResponse } from "./test/api-harness.js";

/** The directives of a Content-Security-Policy header, by name. */
function cspDirectives(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

function expectSecurityHeaders(label: string, response: ApiResponse): void {
  const csp = cspDirectives(response.headers.get("content-security-policy"));
  expect(csp.get("default-src"), label).toEqual(["'self'"]);
  const scriptSrc = csp.get("script-src");
  expect(scriptSrc, label).toBeDefined();
  expect(scriptSrc, label).not.toContain("'unsafe-inline'");
  expect(scriptSrc, label).not.toContain("'unsafe-eval'");
  expect(csp.get("frame-ancestors"), label).toEqual(["'none'"]);
  expect(csp.get("object-src"), label).toEqual(["'none'"]);
  expect(response.headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-frame-options"), label).toBe("DENY");
}

describe("the HTTP app", () => {
  let harness: ApiHarness;

  beforeEach(async () => {
    harness = await ApiHarness.create();
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await harness.close();
  });

  it("sends the security headers on every kind of response", async () => {
    const user = await harness.signup("Ada");
    const responses: [string, ApiResponse][] = [
      ["200 health", await harness.request("GET", "/api/health")],
      ["200 me", await harness.request("GET", "/api/me", { cookie: user.cookie })],
      [
        "201 signup",
        await harness.request("POST", "/api/auth/signup", {
          body: { email: "bob@example.test", password: "correct horse battery", name: "Bob" },
        }),
      ],
      ["204 logout", await harness.request("POST", "/api/auth/logout")],
      [
        "400 invalid json",
        await harness.request("POST", "/api/organizations", { body: "{", cookie: user.cookie }),
      ],
      ["401 me", await harness.request("GET", "/api/me")],
      ["404 unknown api route", await harness.request("GET", "/api/nope")],
      ["404 outside /api", await harness.request("GET", "/some/page")],
    ];

    for (const [label, response] of responses) expectSecurityHeaders(label, response);
    // Sanity: the statuses are the ones the labels claim.
    expect(responses.map(([, r]) => r.status)).toEqual([200, 200, 201, 204, 400, 401, 404, 404]);
  });

  it("marks every /api answer as not cacheable, errors included", async () => {
    for (const path of ["/api/health", "/api/me", "/api/nope"]) {
      expect((await harness.request("GET", path)).headers.get("cache-control"), path).toBe(
        "no-store",
      );
    }
  });

  it.each([
    ["GET", "/api/nope"],
    ["GET", "/api"],
    ["POST", "/api/partnerships/x/y/z"],
    ["DELETE", "/api/me"],
    ["GET", "/api/organizations"],
  ])("answers %s %s with a 404 not_found JSON error", async (method, path) => {
    const response = await harness.request(method, path);

    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("answers 401, not 500, to a session cookie that is not even a token", async () => {
    for (const value of ["%E0%A4%A", "", "x".repeat(5000), "a;b", "\u00e9"]) {
      const response = await harness.request("GET", "/api/me", {
        cookie: `${SESSION_COOKIE}=${encodeURI(value)}`,
      });

      expect(response.status, value).toBe(401);
      expect(response.body, value).toEqual({
        error: { code: "unauthorized", message: expect.any(String) },
      });
    }
  });

  it("turns an unexpected failure into a 500 internal error that reveals nothing", async () => {
    const user = await harness.signup("Ada");
    // Break the store under the running app.
    await harness.store.db.schema.dropTable("organization_members").execute();

    const response = await harness.request("POST", "/api/organizations", {
      body: { name: "Northwind" },
      cookie: user.cookie,
    });

    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error: { code: "internal", message: "Something went wrong on our side" },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/organization_members|sqlite|stack/i);
    expectSecurityHeaders("500", response);
    const failure = harness.logLines.map((line) => JSON.parse(line)).find((l) => l.status === 500);
    expect(failure).toMatchObject({ level: "error", method: "POST", path: "/api/organizations" });
    expect(failure.err.message).toMatch(/organization_members/);
    expect(JSON.stringify(failure)).not.toMatch(/entente_session|correct horse/);
  });
});
