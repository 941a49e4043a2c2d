import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiHarness } from "../../test/api-harness.js";

describe("GET /api/me", () => {
  let harness: ApiHarness;

  beforeEach(async () => {
    harness = await ApiHarness.create();
  });

  afterEach(async () => {
    await harness.close();
  });

  it("answers 401 unauthorized without a session", async () => {
    const response = await harness.request("GET", "/api/me");

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  it("answers a new user with the user and empty lists", async () => {
    const user = await harness.signup("Ada");

    const response = await harness.request("GET", "/api/me", { cookie: user.cookie });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: { id: user.id, email: user.email, name: "Ada" },
      organizations: [],
      partnerships: [],
    });
  });

  it("lists the caller's organization with their role and their partnership seats", async () => {
    const cast = await harness.twoOrganizationPartnership();

    const north = await harness.request("GET", "/api/me", { cookie: cast.north.viewer.cookie });
    const south = await harness.request("GET", "/api/me", { cookie: cast.south.editor.cookie });

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
    const ada = await harness.signup("Ada");
    await harness.createOrganization(ada, "Ada Org");
    const bob = await harness.signup("Bob");

    const response = await harness.request("GET", "/api/me", { cookie: bob.cookie });

    expect(response.body.user.id).toBe(bob.id);
    expect(response.body.organizations).toEqual([]);
  });

  it("lists partnerships newest first", async () => {
    const ada = await harness.signup("Ada");
    const org = await harness.createOrganization(ada, "Ada Org");
    const first = await harness.createPartnership(ada, org, "First");
    // created_at has millisecond precision.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await harness.createPartnership(ada, org, "Second");

    const response = await harness.request("GET", "/api/me", { cookie: ada.cookie });

    expect(response.body.partnerships.map((p: { id: string }) => p.id)).toEqual([second, first]);
  });
});
