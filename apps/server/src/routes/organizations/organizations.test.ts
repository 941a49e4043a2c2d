import { beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../test/api-harness.js";
import { useApiHarness } from "../../test/partnership-harness.js";

describe("POST /api/organizations", () => {
  const ctx = useApiHarness();
  let ada: TestUser;

  beforeEach(async () => {
    ada = await ctx.harness.signup("Ada");
  });

  /** Signed in as Ada unless another cookie, or `null` for none, is given. */
  const create = (body: unknown, cookie: string | null = ada.cookie) =>
    ctx.harness.request("POST", "/api/organizations", { body, cookie: cookie ?? undefined });
  const organizationCount = async () =>
    (await ctx.harness.store.db.selectFrom("organizations").select("id").execute()).length;

  it("answers 201 with exactly {organization: {id, name}}", async () => {
    const response = await create({ name: "  Northwind  " });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      organization: { id: expect.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), name: "Northwind" },
    });
    const row = await ctx.harness.store.db
      .selectFrom("organizations")
      .selectAll()
      .where("id", "=", response.body.organization.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe("Northwind");
  });

  it("makes the caller its admin, visible in /api/me", async () => {
    const response = await create({ name: "Northwind" });

    const me = await ctx.harness.request("GET", "/api/me", { cookie: ada.cookie });
    expect(me.body.organizations).toEqual([
      { id: response.body.organization.id, name: "Northwind", role: "admin" },
    ]);
  });

  it("answers 409 conflict to a second organization for the same user and creates nothing", async () => {
    await create({ name: "Northwind" });

    const second = await create({ name: "Southpeak" });

    expect(second.status).toBe(409);
    expect(second.body).toEqual({ error: { code: "conflict", message: expect.any(String) } });
    expect(await organizationCount()).toBe(1);
  });

  it("answers 409 to a user who joined an organization by invitation", async () => {
    const org = await ctx.harness.createOrganization(ada, "Northwind");
    const partnership = await ctx.harness.createPartnership(ada, org);
    const bob = await ctx.harness.signup("Bob");
    await ctx.harness.accept(
      bob,
      await ctx.harness.invite(ada, partnership, { kind: "member", role: "editor" }),
    );

    const response = await create({ name: "Bob's own" }, bob.cookie);

    expect(response.status).toBe(409);
    expect(await organizationCount()).toBe(1);
  });

  it("lets different users create their own organizations", async () => {
    const bob = await ctx.harness.signup("Bob");

    expect((await create({ name: "Northwind" })).status).toBe(201);
    expect((await create({ name: "Southpeak" }, bob.cookie)).status).toBe(201);
    expect(await organizationCount()).toBe(2);
  });

  it("answers 401 without a session and creates nothing", async () => {
    const response = await create({ name: "Northwind" }, null);

    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthorized");
    expect(await organizationCount()).toBe(0);
  });

  it.each([
    ["a blank name", { name: "   " }],
    ["a name over 100 characters", { name: "x".repeat(101) }],
    ["a numeric name", { name: 7 }],
    ["no name", {}],
  ])("answers 400 invalid_input to %s", async (_label, body) => {
    const response = await create(body);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_input");
    expect(await organizationCount()).toBe(0);
  });
});
