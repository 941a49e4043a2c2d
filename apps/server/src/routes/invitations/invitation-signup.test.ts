import { describe, expect, it } from "vitest";
import { sessionCookieFrom } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

function errorOf(code: string) {
  return { error: { code, message: expect.any(String), details: expect.anything() } };
}

describe("POST /api/invitations/:token/signup", () => {
  const ctx = usePartnershipHarness();

  const signup = (token: string, body: Record<string, unknown>) =>
    ctx.harness.request("POST", `/api/invitations/${token}/signup`, { body });
  const account = {
    email: "erin@eastgate.example",
    password: "correct horse battery",
    name: "Erin East",
  };
  const userByEmail = (email: string) =>
    ctx.harness.store.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirst();
  /** A partnership of one organization (Northwind) that invites a second one. */
  const soloPartnership = async () => {
    const partnershipId = await ctx.harness.createPartnership(
      ctx.cast.north.admin,
      ctx.cast.north.id,
      "North × East",
    );
    const token = await ctx.harness.invite(ctx.cast.north.admin, partnershipId, {
      kind: "organization",
      role: "admin",
    });
    return { partnershipId, token };
  };

  it("creates the account and its organization and lands them in the partnership, signed in", async () => {
    const { partnershipId, token } = await soloPartnership();

    const response = await signup(token, { ...account, organizationName: "Eastgate" });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      user: { id: expect.any(String), email: account.email, name: account.name },
      partnership: { id: partnershipId, name: "North × East", createdAt: expect.any(String) },
      organization: { id: expect.any(String), name: "Eastgate" },
    });
    const cookie = sessionCookieFrom(response.headers);
    const me = await ctx.harness.request("GET", "/api/me", { cookie });
    expect(me.status).toBe(200);
    expect(me.body.organizations).toEqual([
      expect.objectContaining({ id: response.body.organization.id, role: "admin" }),
    ]);
    expect(me.body.partnerships).toEqual([expect.objectContaining({ id: partnershipId })]);
    const seat = await ctx.harness.store.db
      .selectFrom("partnership_members")
      .selectAll()
      .where("user_id", "=", response.body.user.id)
      .executeTakeFirstOrThrow();
    expect(seat).toMatchObject({
      organization_id: response.body.organization.id,
      permission: "admin",
      level: "strategic",
    });
    // The partner sees the new organization in the partnership.
    const partnership = await ctx.harness.request("GET", `/api/partnerships/${partnershipId}`, {
      cookie: ctx.cast.north.admin.cookie,
    });
    expect(partnership.body.organizations).toContainEqual({
      id: response.body.organization.id,
      name: "Eastgate",
    });
  });

  it("joins a member invitation's organization with the invitation's role", async () => {
    const token = await ctx.harness.invite(ctx.cast.north.admin, ctx.cast.partnershipId, {
      kind: "member",
      role: "editor",
    });

    const response = await signup(token, account);

    expect(response.status).toBe(201);
    expect(response.body.organization).toBeNull();
    const membership = await ctx.harness.store.db
      .selectFrom("organization_members")
      .selectAll()
      .where("user_id", "=", response.body.user.id)
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ organization_id: ctx.cast.north.id, role: "editor" });
  });

  it("leaves no account behind when the invitation cannot be accepted", async () => {
    // North and South are both in: South has not approved an organization invitation yet.
    const waiting = await ctx.harness.invite(ctx.cast.north.admin, ctx.cast.partnershipId, {
      kind: "organization",
      role: "admin",
    });
    const used = await ctx.harness.invite(ctx.cast.north.admin, ctx.cast.partnershipId, {
      kind: "member",
      role: "viewer",
    });
    await ctx.harness.accept(await ctx.harness.signup("Quick"), used);

    const pending = await signup(waiting, { ...account, organizationName: "Eastgate" });
    const usedUp = await signup(used, account);
    const unknown = await signup("abcdefghijklmnopqrstuvwxyz234567", account);

    expect([pending.status, usedUp.status, unknown.status]).toEqual([409, 409, 404]);
    expect(pending.body.error.code).toBe("approval_pending");
    expect(usedUp.body.error.code).toBe("invitation_used");
    expect(pending.headers.get("set-cookie")).toBeNull();
    expect(await userByEmail(account.email)).toBeUndefined();
    const organizations = await ctx.harness.store.db
      .selectFrom("organizations")
      .select("id")
      .where("name", "=", "Eastgate")
      .execute();
    expect(organizations).toEqual([]);
  });

  it("refuses an e-mail that has an account, and keeps the link usable", async () => {
    const { token } = await soloPartnership();
    await ctx.harness.request("POST", "/api/auth/signup", { body: account });

    const response = await signup(token, { ...account, organizationName: "Eastgate" });
    const retry = await signup(token, {
      ...account,
      email: "erin.east@eastgate.example",
      organizationName: "Eastgate",
    });

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("email_taken");
    expect(retry.status).toBe(201);
  });

  it("needs the organization's name for an organization invitation, and a valid body", async () => {
    const { token } = await soloPartnership();

    const noOrganization = await signup(token, account);
    const shortPassword = await signup(token, {
      ...account,
      password: "short",
      organizationName: "Eastgate",
    });

    expect(noOrganization.status).toBe(400);
    expect(noOrganization.body).toEqual(errorOf("invalid_input"));
    expect(noOrganization.body.error.details).toEqual([
      { path: "organizationName", message: expect.any(String) },
    ]);
    expect(shortPassword.status).toBe(400);
    expect(shortPassword.body.error.details).toEqual([
      { path: "password", message: expect.any(String) },
    ]);
    expect(await userByEmail(account.email)).toBeUndefined();
  });

  it("refuses an organization name the partnership already holds", async () => {
    const { token } = await soloPartnership();

    const response = await signup(token, { ...account, organizationName: "NORTHWIND" });

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("name_taken");
    expect(await userByEmail(account.email)).toBeUndefined();
  });
});
