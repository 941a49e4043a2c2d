import { beforeAll, describe, expect, it } from "vitest";
import type { TestUser } from "../test/api-harness.js";
import { useApiHarness } from "../test/partnership-harness.js";

/** Names with controls or bidirectional overrides, as a hostile partner would send them. */
const BAD_NAMES = [
  ["a right-to-left override", "Northwind\u202e dnaltsaE"],
  ["a left-to-right embedding", "\u202aNorthwind"],
  ["a pop directional formatting", "Northwind\u202c"],
  ["a first-strong isolate", "\u2068Northwind\u2069"],
  ["a newline", "Northwind\nApproved"],
  ["a tab", "North\twind"],
  ["a NUL", "North\u0000wind"],
  ["a C1 control", "North\u009bwind"],
  ["DEL", "North\u007fwind"],
] as const;

describe("names of people, organizations and partnerships", () => {
  const ctx = useApiHarness("all");
  let admin: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    admin = await ctx.harness.signup("Ada");
    organizationId = await ctx.harness.createOrganization(admin, "Northwind");
  });

  const invalid = {
    error: { code: "invalid_input", message: expect.any(String), details: expect.any(Array) },
  };

  it.each(BAD_NAMES)("refuses %s in a person's name at sign-up", async (_label, name) => {
    const response = await ctx.harness.request("POST", "/api/auth/signup", {
      body: {
        email: `x${Math.random().toString(36).slice(2)}@example.test`,
        password: "correct horse battery",
        name,
      },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(invalid);
  });

  it.each(BAD_NAMES)("refuses %s in an organization's name", async (_label, name) => {
    const loner = await ctx.harness.signup("Loner");
    const response = await ctx.harness.request("POST", "/api/organizations", {
      body: { name },
      cookie: loner.cookie,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(invalid);
  });

  it.each(BAD_NAMES)("refuses %s in a partnership's name", async (_label, name) => {
    const response = await ctx.harness.request("POST", "/api/partnerships", {
      body: { name, organizationId },
      cookie: admin.cookie,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(invalid);
  });

  it("stored none of them, and still takes names in any script", async () => {
    const names = (await ctx.harness.store.db.selectFrom("users").select("name").execute()).map(
      (r) => r.name,
    );
    // Only the people signed up with clean names exist.
    expect(new Set(names)).toEqual(new Set(["Ada", "Loner"]));
    const response = await ctx.harness.request("POST", "/api/partnerships", {
      body: { name: "Nórthwind × محمد & 東京", organizationId },
      cookie: admin.cookie,
    });
    expect(response.status).toBe(201);
  });
});
