import { describe, expect, it } from "vitest";
import { useApiHarness } from "../../test/partnership-harness.js";

describe("GET /api/me", () => {
  const ctx = useApiHarness();

  it("answers 401 unauthorized without a session", async () => {
    const response = await ctx.harness.request("GET", "/api/me");

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  it("answers a new user with the user and empty lists", async () => {
    const user = await ctx.harness.signup("Ada");

    const response = await ctx.harness.request("GET", "/api/me", { cookie: user.cookie });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: { id: user.id, email: user.email, name: "Ada" },
      organizations: [],
      partnerships: [],
    });
  });

  it("lists the caller's organization with their role and their partnership seats", async () => {
    const cast = await ctx.harness.twoOrganizationPartnership();

    const north = await ctx.harness.request("GET", "/api/me", { cookie: cast.north.viewer.cookie });
    const south = await ctx.harness.request("GET", "/api/me", { cookie: cast.south.editor.cookie });

    expect(north.body.organizations).toEqual([
      { id: cast.north.id, name: "Northwind", role: "viewer" },
    ]);
    expect(north.body.partnerships).toEqual([
      {
        id: cast.partnershipId,
        name: "North × South",
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        organizationId: cast.north.id,
        permission: "viewer",
        level: "operational",
      },
    ]);
    expect(south.body.organizations).toEqual([
      { id: cast.south.id, name: "Southpeak", role: "editor" },
    ]);
    expect(south.body.partnerships).toEqual([
      expect.objectContaining({
        id: cast.partnershipId,
        organizationId: cast.south.id,
        permission: "editor",
      }),
    ]);
  });

  it("shows only the caller's own data", async () => {
    const ada = await ctx.harness.signup("Ada");
    await ctx.harness.createOrganization(ada, "Ada Org");
    const bob = await ctx.harness.signup("Bob");

    const response = await ctx.harness.request("GET", "/api/me", { cookie: bob.cookie });

    expect(response.body.user.id).toBe(bob.id);
    expect(response.body.organizations).toEqual([]);
  });

  it("lists partnerships newest first", async () => {
    const ada = await ctx.harness.signup("Ada");
    const org = await ctx.harness.createOrganization(ada, "Ada Org");
    const first = await ctx.harness.createPartnership(ada, org, "First");
    // created_at has millisecond precision.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await ctx.harness.createPartnership(ada, org, "Second");

    const response = await ctx.harness.request("GET", "/api/me", { cookie: ada.cookie });

    expect(response.body.partnerships.map((p: { id: string }) => p.id)).toEqual([second, first]);
  });
});
