import { describe, expect, it } from "vitest";
import { useApiHarness } from "../../test/partnership-harness.js";

describe("GET /api/health", () => {
  const ctx = useApiHarness();

  it("answers 200 with exactly {status: ok}, without a session", async () => {
    const response = await ctx.harness.request("GET", "/api/health");

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok" });
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("is not cached", async () => {
    const response = await ctx.harness.request("GET", "/api/health");

    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 404 not_found to a method it does not serve", async () => {
    const response = await ctx.harness.request("POST", "/api/health", { body: {} });

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });
});
