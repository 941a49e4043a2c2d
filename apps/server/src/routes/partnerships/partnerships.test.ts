import { beforeEach, describe, expect, it } from "vitest";
import { SessionService } from "../../auth/sessions.js";
import { TEST_ORIGIN, type ApiHarness, type TestUser } from "../../test/api-harness.js";
import { useApiHarness } from "../../test/partnership-harness.js";

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

interface DocumentEntry {
  name: string;
  access: string;
}

function errorOf(code: string) {
  return { error: { code, message: expect.any(String) } };
}

function byName(documents: DocumentEntry[]): DocumentEntry[] {
  return [...documents].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The documents a member of `own` is listed, by name: the four shared ones and `own`'s
 * profile and private notes, with `access`, and the partner's profile, which all may read.
 */
function documentsOf(
  partnershipId: string,
  own: { id: string },
  partner: { id: string },
  access: "read" | "write",
): DocumentEntry[] {
  const p = partnershipId;
  return byName([
    ...["charter", "objectives", "issues", "decisions"].map((kind) => ({
      name: `${p}/${kind}`,
      access,
    })),
    { name: `${p}/org/${own.id}/profile`, access },
    { name: `${p}/org/${own.id}/private`, access },
    { name: `${p}/org/${partner.id}/profile`, access: "read" },
  ]);
}

describe("partnership routes", () => {
  const ctx = useApiHarness();

  const count = async (table: "partnerships" | "partnership_members" | "invitations") =>
    (await ctx.harness.store.db.selectFrom(table).selectAll().execute()).length;

  describe("POST /api/partnerships", () => {
    let ada: TestUser;
    let org: string;

    beforeEach(async () => {
      ada = await ctx.harness.signup("Ada");
      org = await ctx.harness.createOrganization(ada, "Northwind");
    });

    const create = (body: unknown, cookie: string | undefined) =>
      ctx.harness.request("POST", "/api/partnerships", { body, cookie });

    it("answers 201 {partnership: {id, name, createdAt}} and seats the creator as strategic admin", async () => {
      const before = Date.now();
      const response = await create({ name: " Alliance ", organizationId: org }, ada.cookie);

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        partnership: {
          id: expect.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
          name: "Alliance",
          createdAt: expect.any(String),
        },
      });
      const createdAt = Date.parse(response.body.partnership.createdAt);
      expect(createdAt).toBeGreaterThanOrEqual(before);
      expect(createdAt).toBeLessThanOrEqual(Date.now());

      const id = response.body.partnership.id as string;
      const me = await ctx.harness.request("GET", "/api/me", { cookie: ada.cookie });
      expect(me.body.partnerships).toEqual([
        {
          id,
          name: "Alliance",
          createdAt: response.body.partnership.createdAt,
          organizationId: org,
          permission: "admin",
          level: "strategic",
        },
      ]);
      const organizations = await ctx.harness.store.db
        .selectFrom("partnership_organizations")
        .select("organization_id")
        .where("partnership_id", "=", id)
        .execute();
      expect(organizations).toEqual([{ organization_id: org }]);
    });

    it("lets an editor of the organization start a partnership", async () => {
      const cast = await ctx.harness.twoOrganizationPartnership();

      const response = await create(
        { name: "Editor's", organizationId: cast.north.id },
        cast.north.editor.cookie,
      );

      expect(response.status).toBe(201);
    });

    it("answers 403 to a viewer of the organization and creates nothing", async () => {
      const cast = await ctx.harness.twoOrganizationPartnership();
      const before = await count("partnerships");

      const response = await create(
        { name: "Viewer's", organizationId: cast.north.id },
        cast.north.viewer.cookie,
      );

      expect(response.status).toBe(403);
      expect(response.body).toEqual(errorOf("forbidden"));
      expect(await count("partnerships")).toBe(before);
    });

    it("answers 403 for another user's organization", async () => {
      const bob = await ctx.harness.signup("Bob");
      await ctx.harness.createOrganization(bob, "Southpeak");

      const response = await create({ name: "Hijack", organizationId: org }, bob.cookie);

      expect(response.status).toBe(403);
      expect(response.body).toEqual(errorOf("forbidden"));
      expect(await count("partnerships")).toBe(0);
    });

    it("answers 403 for an organization that does not exist", async () => {
      const response = await create({ name: "Ghost", organizationId: "doesnotexist" }, ada.cookie);

      expect(response.status).toBe(403);
      expect(await count("partnerships")).toBe(0);
    });

    it("answers 401 without a session", async () => {
      const response = await create({ name: "Alliance", organizationId: org }, undefined);

      expect(response.status).toBe(401);
      expect(response.body).toEqual(errorOf("unauthorized"));
      expect(await count("partnerships")).toBe(0);
    });

    it("answers 400 invalid_input to a missing organizationId", async () => {
      const response = await create({ name: "Alliance" }, ada.cookie);

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid_input");
    });
  });

  describe("GET /api/partnerships/:id", () => {
    let cast: Cast;

    beforeEach(async () => {
      cast = await ctx.harness.twoOrganizationPartnership();
    });

    const get = (user: TestUser | undefined, id = cast.partnershipId) =>
      ctx.harness.request("GET", `/api/partnerships/${id}`, { cookie: user?.cookie });

    it("answers a member with the partnership, both organizations and all members", async () => {
      const response = await get(cast.south.viewer);

      expect(response.status).toBe(200);
      expect(response.body.partnership).toEqual({
        id: cast.partnershipId,
        name: "North × South",
        createdAt: expect.any(String),
      });
      expect(response.body.organizations).toEqual([
        { id: cast.north.id, name: "Northwind" },
        { id: cast.south.id, name: "Southpeak" },
      ]);
      const member = (
        user: TestUser,
        organizationId: string,
        permission: string,
        level: string,
      ) => ({
        id: user.id,
        name: user.name,
        organizationId,
        permission,
        level,
      });
      expect(response.body.members).toEqual([
        member(cast.north.admin, cast.north.id, "admin", "strategic"),
        member(cast.north.editor, cast.north.id, "editor", "operational"),
        member(cast.north.viewer, cast.north.id, "viewer", "operational"),
        member(cast.south.admin, cast.south.id, "admin", "strategic"),
        member(cast.south.editor, cast.south.id, "editor", "operational"),
        member(cast.south.viewer, cast.south.id, "viewer", "operational"),
      ]);
    });

    it("never lists e-mail addresses of members", async () => {
      const response = await get(cast.north.admin);

      expect(JSON.stringify(response.body)).not.toContain("@example.test");
    });

    it("lists only partnership members, not the rest of an organization", async () => {
      // A second partnership brings a Northwind colleague who is not in the first one.
      const colleague = await ctx.harness.signup("North Colleague");
      const { other, accepted } = await ctx.harness.seatElsewhere(
        cast.north.admin,
        cast.north.id,
        colleague,
        "editor",
      );
      expect(accepted.status).toBe(200);

      const response = await get(cast.north.admin);

      const ids = response.body.members.map((m: { id: string }) => m.id);
      expect(ids).toHaveLength(6);
      expect(ids).not.toContain(colleague.id);
      // …while the colleague is listed in the partnership they joined.
      const otherResponse = await get(cast.north.admin, other);
      expect(otherResponse.body.members.map((m: { id: string }) => m.id)).toContain(colleague.id);
      // …and cannot open the first partnership.
      expect((await get(colleague)).status).toBe(404);
    });

    it("gives an editor write on shared documents and their own profile and private notes, read on the partner's profile", async () => {
      const { documents } = (await get(cast.north.editor)).body;
      expect(byName(documents)).toEqual(
        documentsOf(cast.partnershipId, cast.north, cast.south, "write"),
      );
    });

    it("gives an admin of the other organization the mirror image", async () => {
      const { documents } = (await get(cast.south.admin)).body;
      expect(byName(documents)).toEqual(
        documentsOf(cast.partnershipId, cast.south, cast.north, "write"),
      );
    });

    it("gives a viewer read everywhere and their own private notes only", async () => {
      const { documents } = (await get(cast.north.viewer)).body;
      expect(byName(documents)).toEqual(
        documentsOf(cast.partnershipId, cast.north, cast.south, "read"),
      );
    });

    it("never lists the partner's private notes to anyone", async () => {
      for (const [own, partner] of [
        [cast.north, cast.south],
        [cast.south, cast.north],
      ] as const) {
        for (const user of [own.admin, own.editor, own.viewer]) {
          const names = (await get(user)).body.documents.map((d: DocumentEntry) => d.name);
          expect(names).not.toContain(`${cast.partnershipId}/org/${partner.id}/private`);
          expect(names).toContain(`${cast.partnershipId}/org/${own.id}/private`);
        }
      }
    });

    it("answers a non-member and an unknown id with the same 404", async () => {
      const stranger = await ctx.harness.signup("Stranger");
      await ctx.harness.createOrganization(stranger, "Elsewhere");

      const notMember = await get(stranger);
      const unknown = await get(stranger, "nosuchpartnership");
      const unknownForMember = await get(cast.north.admin, "nosuchpartnership");

      expect(notMember.status).toBe(404);
      expect(notMember.body).toEqual(errorOf("not_found"));
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual(notMember.body);
      expect(unknownForMember.body).toEqual(notMember.body);
    });

    it("answers 401 without a session", async () => {
      const response = await get(undefined);

      expect(response.status).toBe(401);
      expect(response.body).toEqual(errorOf("unauthorized"));
    });
  });

  describe("DELETE /api/partnerships/:id/members/:userId", () => {
    let cast: Cast;

    beforeEach(async () => {
      cast = await ctx.harness.twoOrganizationPartnership();
    });

    const remove = (by: TestUser, userId: string) =>
      ctx.harness.request("DELETE", `/api/partnerships/${cast.partnershipId}/members/${userId}`, {
        cookie: by.cookie,
      });

    it("lets an organization's admin remove its member: 204, access gone, live sockets told", async () => {
      const response = await remove(cast.north.admin, cast.north.editor.id);

      expect(response.status).toBe(204);
      expect(ctx.harness.revokedAccess).toEqual([
        { userId: cast.north.editor.id, partnershipId: cast.partnershipId },
      ]);
      const after = await ctx.harness.request("GET", `/api/partnerships/${cast.partnershipId}`, {
        cookie: cast.north.editor.cookie,
      });
      expect(after.status).toBe(404);
    });

    it("lets anyone leave", async () => {
      expect((await remove(cast.south.viewer, cast.south.viewer.id)).status).toBe(204);
    });

    it("answers 403 to the partner organization's admin and to a non-admin", async () => {
      expect((await remove(cast.south.admin, cast.north.editor.id)).status).toBe(403);
      expect((await remove(cast.north.editor, cast.north.viewer.id)).status).toBe(403);
      expect(ctx.harness.revokedAccess).toEqual([]);
      expect(await count("partnership_members")).toBe(6);
    });

    it("keeps one admin even when the last two leave at the same moment", async () => {
      const coAdmin = await ctx.harness.signup("Co Admin");
      const accepted = await ctx.harness.accept(
        coAdmin,
        await ctx.harness.invite(cast.north.admin, cast.partnershipId, {
          kind: "member",
          role: "admin",
        }),
      );
      expect(accepted.status).toBe(200);

      const [first, second] = await Promise.all([
        remove(cast.north.admin, cast.north.admin.id),
        remove(coAdmin, coAdmin.id),
      ]);

      expect([first.status, second.status].sort()).toEqual([204, 409]);
      const admins = await ctx.harness.store.db
        .selectFrom("partnership_members")
        .select("user_id")
        .where("organization_id", "=", cast.north.id)
        .where("permission", "=", "admin")
        .execute();
      expect(admins).toHaveLength(1);
    });

    it("keeps the last admin of an organization: 409", async () => {
      const response = await remove(cast.north.admin, cast.north.admin.id);
      expect(response.status).toBe(409);
      expect(response.body).toEqual(errorOf("conflict"));
    });

    it("answers 404 to non-members and for unknown members", async () => {
      const outsider = await ctx.harness.signup("Outsider");
      expect((await remove(outsider, cast.north.editor.id)).status).toBe(404);
      expect((await remove(cast.north.admin, "nobody")).status).toBe(404);
    });
  });

  describe("POST /api/partnerships/:id/invitations", () => {
    let cast: Cast;

    beforeEach(async () => {
      cast = await ctx.harness.twoOrganizationPartnership();
    });

    const invite = (user: TestUser | undefined, body: unknown, id = cast.partnershipId) =>
      ctx.harness.request("POST", `/api/partnerships/${id}/invitations`, {
        body,
        cookie: user?.cookie,
      });

    it("answers 201 {invitation: {token, url}} with a link on the public origin", async () => {
      const before = Date.now();
      const response = await invite(cast.north.admin, { kind: "organization", role: "admin" });

      expect(response.status).toBe(201);
      const token = response.body.invitation.token as string;
      expect(token).toMatch(/^[a-z2-7]{16,64}$/);
      expect(response.body.invitation.url).toBe(`http://entente.test/invite/${token}`);
      expect(response.body.invitation.url).toBe(`${TEST_ORIGIN}/invite/${token}`);
      expect(response.body.invitation).toMatchObject({ kind: "organization", role: "admin" });
      const expiresAt = Date.parse(response.body.invitation.expiresAt);
      expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * 24 * 60 * 60 * 1000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 7 * 24 * 60 * 60 * 1000);
    });

    it("stores only the SHA-256 of the invitation token", async () => {
      const before = await count("invitations");
      const response = await invite(cast.north.admin, { kind: "member", role: "editor" });
      const token = response.body.invitation.token as string;

      const rows = await ctx.harness.store.db.selectFrom("invitations").selectAll().execute();
      expect(rows).toHaveLength(before + 1);
      const row = rows.find((r) => r.id === SessionService.idOf(token));
      expect(row).toMatchObject({
        partnership_id: cast.partnershipId,
        kind: "member",
        role: "editor",
        level: "operational",
        organization_id: cast.north.id,
        created_by: cast.north.admin.id,
        accepted_at: null,
      });
      expect(rows.some((r) => r.id === token)).toBe(false);
    });

    it("ties a member invitation to the inviter's own organization", async () => {
      const response = await invite(cast.south.admin, { kind: "member", role: "viewer" });

      expect(response.status).toBe(201);
      const preview = await ctx.harness.request(
        "GET",
        `/api/invitations/${response.body.invitation.token}`,
        {
          cookie: cast.north.viewer.cookie,
        },
      );
      expect(preview.body.invitation.organization).toEqual({
        id: cast.south.id,
        name: "Southpeak",
      });
    });

    it("accepts a member invitation that names the inviter's own organization", async () => {
      const response = await invite(cast.north.admin, {
        kind: "member",
        role: "viewer",
        organizationId: cast.north.id,
      });

      expect(response.status).toBe(201);
    });

    it("answers 403 to a member invitation from a partnership admin who is not an admin of their organization", async () => {
      // A Northwind viewer, made admin of a second partnership, must not grow Northwind.
      const { other, accepted: promoted } = await ctx.harness.seatElsewhere(
        cast.north.admin,
        cast.north.id,
        cast.north.viewer,
        "admin",
      );
      expect(promoted.status).toBe(200);
      const before = await count("invitations");

      const response = await invite(cast.north.viewer, { kind: "member", role: "admin" }, other);

      expect(response.status).toBe(403);
      expect(response.body).toEqual(errorOf("forbidden"));
      expect(await count("invitations")).toBe(before);
      const organizationInvite = await invite(
        cast.north.viewer,
        { kind: "organization", role: "editor" },
        other,
      );
      expect(organizationInvite.status).toBe(201);
    });

    it("answers 403 to a member invitation naming another organization", async () => {
      const before = await count("invitations");

      const response = await invite(cast.north.admin, {
        kind: "member",
        role: "editor",
        organizationId: cast.south.id,
      });

      expect(response.status).toBe(403);
      expect(response.body).toEqual(errorOf("forbidden"));
      expect(await count("invitations")).toBe(before);
    });

    it.each(["editor", "viewer"] as const)("answers 403 to a partnership %s", async (role) => {
      const before = await count("invitations");

      const response = await invite(cast.north[role], { kind: "member", role: "viewer" });

      expect(response.status).toBe(403);
      expect(response.body).toEqual(errorOf("forbidden"));
      expect(await count("invitations")).toBe(before);
    });

    it("answers 404 to a non-member, the same as for an unknown partnership", async () => {
      const stranger = await ctx.harness.signup("Stranger");
      await ctx.harness.createOrganization(stranger, "Elsewhere");
      const before = await count("invitations");

      const notMember = await invite(stranger, { kind: "organization", role: "admin" });
      const unknown = await invite(
        stranger,
        { kind: "organization", role: "admin" },
        "nosuchpartnership",
      );

      expect(notMember.status).toBe(404);
      expect(notMember.body).toEqual(errorOf("not_found"));
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual(notMember.body);
      expect(await count("invitations")).toBe(before);
    });

    it.each([
      ["an unknown kind", { kind: "guest", role: "viewer" }],
      ["an unknown role", { kind: "member", role: "owner" }],
      ["a missing role", { kind: "organization" }],
      ["a missing kind", { role: "viewer" }],
      ["an unknown level", { kind: "member", role: "viewer", level: "supreme" }],
    ])("answers 400 invalid_input to %s", async (_label, body) => {
      const before = await count("invitations");

      const response = await invite(cast.north.admin, body);

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid_input");
      expect(await count("invitations")).toBe(before);
    });

    it("answers 401 without a session", async () => {
      const response = await invite(undefined, { kind: "organization", role: "admin" });

      expect(response.status).toBe(401);
      expect(response.body).toEqual(errorOf("unauthorized"));
    });
  });
});
