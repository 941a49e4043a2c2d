import { describe, expect, it } from "vitest";
import { SessionService } from "../../auth/sessions.js";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

function errorOf(code: string) {
  return { error: { code, message: expect.any(String) } };
}

describe("invitation routes", () => {
  const ctx = usePartnershipHarness();

  const accept = (user: TestUser | undefined, token: string, body: unknown = {}) =>
    ctx.harness.request("POST", `/api/invitations/${token}/accept`, { body, cookie: user?.cookie });
  const preview = (user: TestUser | undefined, token: string) =>
    ctx.harness.request("GET", `/api/invitations/${token}`, { cookie: user?.cookie });
  const seatOf = (userId: string) =>
    ctx.harness.store.db
      .selectFrom("partnership_members")
      .selectAll()
      .where("partnership_id", "=", ctx.cast.partnershipId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
  const organizationsIn = async (partnershipId = ctx.cast.partnershipId) =>
    (
      await ctx.harness.store.db
        .selectFrom("partnership_organizations")
        .select("organization_id")
        .where("partnership_id", "=", partnershipId)
        .execute()
    ).map((r) => r.organization_id);
  const memberCount = async () =>
    (await ctx.harness.store.db.selectFrom("partnership_members").selectAll().execute()).length;
  const expire = (token: string, at = Date.now() - 1) =>
    ctx.harness.store.db
      .updateTable("invitations")
      .set({ expires_at: at })
      .where("id", "=", SessionService.idOf(token))
      .execute();
  /** Someone who administers an organization that is in no partnership yet. */
  const newOrganizationAdmin = async (name: string) => {
    const admin = await ctx.harness.signup(`${name} Admin`);
    const id = await ctx.harness.createOrganization(admin, name);
    return { admin, id };
  };
  /** Invited by North, approved by South: ready to accept. */
  /** North's admin invites a member of Northwind to the partnership as `role`. */
  const memberInvitation = (role: "admin" | "editor" | "viewer") =>
    ctx.harness.invite(ctx.cast.north.admin, ctx.cast.partnershipId, { kind: "member", role });
  const organizationInvitation = async () => {
    const token = await ctx.harness.invite(ctx.cast.north.admin, ctx.cast.partnershipId, {
      kind: "organization",
      role: "admin",
    });
    await ctx.harness.approve(ctx.cast.south.admin, ctx.cast.partnershipId, token);
    return token;
  };

  describe("POST /api/invitations/:token/accept, organization invitations", () => {
    it("brings the accepting admin's organization into the partnership", async () => {
      const east = await newOrganizationAdmin("Eastgate");
      const token = await organizationInvitation();

      const response = await accept(east.admin, token);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        partnership: {
          id: ctx.cast.partnershipId,
          name: "North × South",
          createdAt: expect.any(String),
        },
      });
      expect(await organizationsIn()).toEqual(
        expect.arrayContaining([ctx.cast.north.id, ctx.cast.south.id, east.id]),
      );
      expect(await organizationsIn()).toHaveLength(3);
      expect(await seatOf(east.admin.id)).toEqual({
        partnership_id: ctx.cast.partnershipId,
        user_id: east.admin.id,
        organization_id: east.id,
        permission: "admin",
        level: "strategic",
      });
      const partnership = await ctx.harness.request(
        "GET",
        `/api/partnerships/${ctx.cast.partnershipId}`,
        {
          cookie: east.admin.cookie,
        },
      );
      expect(partnership.status).toBe(200);
      expect(partnership.body.organizations).toContainEqual({ id: east.id, name: "Eastgate" });
    });

    it("accepts the admin's own organization named explicitly", async () => {
      const east = await newOrganizationAdmin("Eastgate");

      const response = await accept(east.admin, await organizationInvitation(), {
        organizationId: east.id,
      });

      expect(response.status).toBe(200);
      expect(await organizationsIn()).toContain(east.id);
    });

    it("answers 403 when the accepting user names an organization they do not administer", async () => {
      const east = await newOrganizationAdmin("Eastgate");
      const west = await newOrganizationAdmin("Westmark");
      const token = await organizationInvitation();

      const response = await accept(east.admin, token, { organizationId: west.id });

      expect(response.status).toBe(403);
      expect(response.body).toEqual(errorOf("forbidden"));
      expect(await organizationsIn()).not.toContain(west.id);
      expect(await organizationsIn()).not.toContain(east.id);
      // Nothing was used up: the right person can still accept.
      expect((await accept(west.admin, token)).status).toBe(200);
    });

    it("answers 403 to a member of an organization who is not its admin", async () => {
      // An editor of Eastgate, who joined it through another partnership.
      const east = await newOrganizationAdmin("Eastgate");
      const elsewhere = await ctx.harness.createPartnership(east.admin, east.id, "Elsewhere");
      const eastEditor = await ctx.harness.signup("East Editor");
      await ctx.harness.accept(
        eastEditor,
        await ctx.harness.invite(east.admin, elsewhere, { kind: "member", role: "editor" }),
      );
      const before = await memberCount();

      const response = await accept(eastEditor, await organizationInvitation());

      expect(response.status).toBe(403);
      expect(response.body).toEqual(errorOf("forbidden"));
      expect(await organizationsIn()).not.toContain(east.id);
      expect(await memberCount()).toBe(before);
    });

    it("answers 409 to a user without an organization", async () => {
      const loner = await ctx.harness.signup("Loner");
      const before = await memberCount();

      const response = await accept(loner, await organizationInvitation());

      expect(response.status).toBe(409);
      expect(response.body).toEqual(errorOf("conflict"));
      expect(await memberCount()).toBe(before);
      expect(await seatOf(loner.id)).toBeUndefined();
    });

    it("answers 409 when the organization is already in the partnership", async () => {
      // A second admin of Northwind who is not yet in this partnership.
      const secondAdmin = await ctx.harness.signup("North Second Admin");
      await ctx.harness.seatElsewhere(
        ctx.cast.north.admin,
        ctx.cast.north.id,
        secondAdmin,
        "admin",
      );

      const response = await accept(secondAdmin, await organizationInvitation());

      expect(response.status).toBe(409);
      expect(response.body).toEqual(errorOf("conflict"));
      expect(await seatOf(secondAdmin.id)).toBeUndefined();
    });
  });

  describe("POST /api/invitations/:token/accept, member invitations", () => {
    it("adds a user without an organization to the inviting organization with the role", async () => {
      const newcomer = await ctx.harness.signup("Newcomer");
      const token = await ctx.harness.invite(ctx.cast.south.admin, ctx.cast.partnershipId, {
        kind: "member",
        role: "editor",
      });

      const response = await accept(newcomer, token);

      expect(response.status).toBe(200);
      expect(response.body.partnership.id).toBe(ctx.cast.partnershipId);
      expect(await seatOf(newcomer.id)).toMatchObject({
        organization_id: ctx.cast.south.id,
        permission: "editor",
        level: "operational",
      });
      const me = await ctx.harness.request("GET", "/api/me", { cookie: newcomer.cookie });
      expect(me.body.organizations).toEqual([
        { id: ctx.cast.south.id, name: "Southpeak", role: "editor" },
      ]);
      expect(me.body.partnerships).toEqual([
        expect.objectContaining({
          id: ctx.cast.partnershipId,
          organizationId: ctx.cast.south.id,
          permission: "editor",
        }),
      ]);
    });

    it("seats a colleague already in the inviting organization without changing their organization role", async () => {
      const colleague = await ctx.harness.signup("Colleague");
      await ctx.harness.seatElsewhere(ctx.cast.north.admin, ctx.cast.north.id, colleague, "editor");

      const response = await accept(colleague, await memberInvitation("viewer"));

      expect(response.status).toBe(200);
      expect(await seatOf(colleague.id)).toMatchObject({
        organization_id: ctx.cast.north.id,
        permission: "viewer",
      });
      const me = await ctx.harness.request("GET", "/api/me", { cookie: colleague.cookie });
      expect(me.body.organizations).toEqual([
        { id: ctx.cast.north.id, name: "Northwind", role: "editor" },
      ]);
    });

    it("answers 409 to a user of another organization", async () => {
      const east = await newOrganizationAdmin("Eastgate");
      const before = await memberCount();

      const response = await accept(east.admin, await memberInvitation("viewer"));

      expect(response.status).toBe(409);
      expect(response.body).toEqual(errorOf("conflict"));
      expect(await memberCount()).toBe(before);
    });
  });

  describe("POST /api/invitations/:token/accept, invalid links", () => {
    it("answers 409 invitation_used the second time, whoever uses it", async () => {
      const token = await memberInvitation("viewer");
      const first = await ctx.harness.signup("First");
      const second = await ctx.harness.signup("Second");
      expect((await accept(first, token)).status).toBe(200);

      const again = await accept(second, token);
      const sameUser = await accept(first, token);

      expect(again.status).toBe(409);
      expect(again.body).toEqual(errorOf("invitation_used"));
      expect(sameUser.status).toBe(409);
      expect(sameUser.body).toEqual(errorOf("invitation_used"));
      expect(await seatOf(second.id)).toBeUndefined();
    });

    it("lets only one of two concurrent accepts through", async () => {
      const token = await memberInvitation("viewer");
      const first = await ctx.harness.signup("First");
      const second = await ctx.harness.signup("Second");
      const before = await memberCount();

      const responses = await Promise.all([accept(first, token), accept(second, token)]);

      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(responses.find((r) => r.status === 409)?.body).toEqual(errorOf("invitation_used"));
      expect(await memberCount()).toBe(before + 1);
    });

    it("answers 404 to an unknown token", async () => {
      const newcomer = await ctx.harness.signup("Newcomer");

      const response = await accept(newcomer, "abcdefghijklmnopqrstuvwxyz234567");

      expect(response.status).toBe(404);
      expect(response.body).toEqual(errorOf("not_found"));
    });

    it("answers 400 to a token that cannot be one", async () => {
      const newcomer = await ctx.harness.signup("Newcomer");

      const response = await accept(newcomer, "NOT-A-TOKEN");

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid_input");
    });

    it("answers 410 invitation_expired to an expired invitation and writes nothing", async () => {
      const token = await memberInvitation("viewer");
      await expire(token);
      const newcomer = await ctx.harness.signup("Newcomer");

      const response = await accept(newcomer, token);

      expect(response.status).toBe(410);
      expect(response.body).toEqual(errorOf("invitation_expired"));
      expect(await seatOf(newcomer.id)).toBeUndefined();
      const me = await ctx.harness.request("GET", "/api/me", { cookie: newcomer.cookie });
      expect(me.body.organizations).toEqual([]);
    });

    it("still accepts an invitation a moment before it expires", async () => {
      const token = await memberInvitation("viewer");
      await expire(token, Date.now() + 60_000);

      expect((await accept(await ctx.harness.signup("Newcomer"), token)).status).toBe(200);
    });

    it("answers 409 to a user already in the partnership, and leaves the link usable", async () => {
      const token = await memberInvitation("admin");

      const response = await accept(ctx.cast.north.viewer, token);

      expect(response.status).toBe(409);
      expect(response.body).toEqual(errorOf("conflict"));
      expect(await seatOf(ctx.cast.north.viewer.id)).toMatchObject({ permission: "viewer" });
      expect((await accept(await ctx.harness.signup("Newcomer"), token)).status).toBe(200);
    });

    it("previews without a session: the link is the key, and names who invites", async () => {
      const response = await preview(undefined, await organizationInvitation());

      expect(response.status).toBe(200);
      expect(response.body.invitation).toMatchObject({
        kind: "organization",
        partnership: { id: ctx.cast.partnershipId, name: "North × South" },
        invitedBy: {
          name: "North Admin",
          organization: { id: ctx.cast.north.id, name: "Northwind" },
        },
      });
    });

    it("answers 410 invitation_revoked once its organization revoked it, and accepting too", async () => {
      const token = await memberInvitation("viewer");
      const revoked = await ctx.harness.request(
        "POST",
        `/api/partnerships/${ctx.cast.partnershipId}/invitations/${SessionService.idOf(token)}/revoke`,
        { cookie: ctx.cast.north.admin.cookie },
      );
      expect(revoked.status).toBe(200);
      const user = await ctx.harness.signup("Newcomer");
      const before = await memberCount();

      const previewed = await preview(user, token);
      const accepted = await accept(user, token);

      expect([previewed.status, accepted.status]).toEqual([410, 410]);
      expect(previewed.body).toEqual(errorOf("invitation_revoked"));
      expect(accepted.body).toEqual(errorOf("invitation_revoked"));
      expect(await memberCount()).toBe(before);
    });
  });
});
