import { describe, expect, it } from "vitest";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

describe("landing page routes", () => {
  const ctx = usePartnershipHarness();

  const path = (partnershipId: string) => `/api/me/landing-pages/${partnershipId}`;
  const get = (user: TestUser | undefined, id = ctx.cast.partnershipId) =>
    ctx.harness.request("GET", path(id), { cookie: user?.cookie });
  const put = (user: TestUser | undefined, body: unknown, id = ctx.cast.partnershipId) =>
    ctx.harness.request("PUT", path(id), { cookie: user?.cookie, body });

  it("is the charter until the member chooses, and per member", async () => {
    expect((await get(ctx.cast.north.viewer)).body).toEqual({ landingPage: "charter" });
    const set = await put(ctx.cast.north.viewer, { landingPage: "dashboard" });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ landingPage: "dashboard" });
    expect((await get(ctx.cast.north.viewer)).body).toEqual({ landingPage: "dashboard" });
    // Another member of the same organization keeps the charter.
    expect((await get(ctx.cast.north.admin)).body).toEqual({ landingPage: "charter" });
    await put(ctx.cast.north.viewer, { landingPage: "charter" });
    expect((await get(ctx.cast.north.viewer)).body).toEqual({ landingPage: "charter" });
  });

  it("validates the body and the partnership id", async () => {
    const bad = await put(ctx.cast.north.viewer, { landingPage: "issues" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "invalid_input" } });
    const extra = await put(ctx.cast.north.viewer, { landingPage: "dashboard", userId: "x" });
    expect(extra.status).toBe(400);
    expect((await get(ctx.cast.north.viewer, "not an id!")).status).toBe(400);
  });

  it("answers 404 to non-members and 401 without a session", async () => {
    const stranger = await ctx.harness.signup("Stranger");
    const read = await get(stranger);
    expect(read.status).toBe(404);
    expect(read.body).toMatchObject({ error: { code: "not_found" } });
    expect((await put(stranger, { landingPage: "dashboard" })).status).toBe(404);
    expect((await get(undefined)).status).toBe(401);
  });
});
