import { describe, expect, it } from "vitest";
import { SessionService } from "../../auth/sessions.js";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

function errorOf(code: string) {
  return { error: { code, message: expect.any(String) } };
}

/**
 * Joining needs consent, tried as a hostile partner would with plain HTTP: one side alone
 * invites a look-alike of the other ("Northwind" next to the real Northwind).
 */
describe("organization invitations need every organization's consent", () => {
  // North's organization is "Northwind", South's "Southpeak".
  const ctx = usePartnershipHarness();

  const path = (suffix = "") =>
    `/api/partnerships/${ctx.cast.partnershipId}/organization-invitations${suffix}`;
  const list = (user: TestUser) => ctx.harness.request("GET", path(), { cookie: user.cookie });
  const approve = (user: TestUser, token: string, body?: unknown) =>
    ctx.harness.request("POST", path(`/${SessionService.idOf(token)}/approve`), {
      cookie: user.cookie,
      body,
    });
  const accept = (user: TestUser, token: string) =>
    ctx.harness.request("POST", `/api/invitations/${token}/accept`, {
      body: {},
      cookie: user.cookie,
    });
  const inviteOrganization = (admin: TestUser) =>
    ctx.harness.invite(admin, ctx.cast.partnershipId, { kind: "organization", role: "admin" });
  const newOrganizationAdmin = async (name: string) => {
    const admin = await ctx.harness.signup("Amara Diallo");
    const id = await ctx.harness.createOrganization(admin, name);
    return { admin, id };
  };
  const organizationsIn = async () =>
    (
      await ctx.harness.store.db
        .selectFrom("partnership_organizations")
        .select("organization_id")
        .where("partnership_id", "=", ctx.cast.partnershipId)
        .execute()
    ).map((r) => r.organization_id);
  const notificationsOf = async (user: TestUser) =>
    (await ctx.harness.request("GET", "/api/notifications", { cookie: user.cookie })).body
      .notifications as { kind: string; item?: { kind: string; id: string; title: string } }[];

  it("keeps a look-alike 'Northwind' invited by Southpeak alone out: pending, then name_taken once approved", async () => {
    const lookAlike = await newOrganizationAdmin("Nórthwind");
    const token = await inviteOrganization(ctx.cast.south.admin);

    const pending = await accept(lookAlike.admin, token);
    expect(pending.status).toBe(409);
    expect(pending.body).toEqual({
      error: {
        code: "approval_pending",
        message: expect.any(String),
        details: { waitingFor: [{ id: ctx.cast.north.id, name: "Northwind" }] },
      },
    });
    expect(await organizationsIn()).not.toContain(lookAlike.id);

    // Northwind sees what waits on it, and who already approved.
    const listed = await list(ctx.cast.north.admin);
    expect(listed.status).toBe(200);
    expect(listed.body.invitations).toEqual([
      {
        id: SessionService.idOf(token),
        role: "admin",
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        invitedBy: {
          id: ctx.cast.south.admin.id,
          name: ctx.cast.south.admin.name,
          organizationId: ctx.cast.south.id,
        },
        approvals: [
          {
            organization: { id: ctx.cast.south.id, name: "Southpeak" },
            approvedBy: { id: ctx.cast.south.admin.id, name: ctx.cast.south.admin.name },
            approvedAt: expect.any(String),
          },
        ],
        waitingFor: [{ id: ctx.cast.north.id, name: "Northwind" }],
      },
    ]);

    const approved = await approve(ctx.cast.north.admin, token);
    expect(approved.status).toBe(200);
    expect(approved.body.invitation.waitingFor).toEqual([]);
    expect(approved.body.invitation.approvals).toHaveLength(2);

    const taken = await accept(lookAlike.admin, token);
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual(errorOf("name_taken"));
    expect(await organizationsIn()).not.toContain(lookAlike.id);
    // Still open: nothing was used up by the refusal.
    expect((await list(ctx.cast.north.admin)).body.invitations).toHaveLength(1);
  });

  it.each(["northwind", "  NORTHWIND ", "Nörthwînd", "SÓUTHPEAK"])(
    "compares names without case, accents or extra spaces: %j is taken",
    async (name) => {
      const lookAlike = await newOrganizationAdmin(name);
      const token = await inviteOrganization(ctx.cast.north.admin);
      await approve(ctx.cast.south.admin, token);

      const response = await accept(lookAlike.admin, token);

      expect(response.status).toBe(409);
      expect(response.body).toEqual(errorOf("name_taken"));
    },
  );

  it("lets a differently named organization in once both approved, and tells everyone", async () => {
    const east = await newOrganizationAdmin("Eastgate");
    const token = await inviteOrganization(ctx.cast.south.admin);
    await approve(ctx.cast.north.admin, token);

    const accepted = await accept(east.admin, token);

    expect(accepted.status).toBe(200);
    expect(await organizationsIn()).toContain(east.id);
    expect((await list(ctx.cast.north.admin)).body.invitations).toEqual([]);
    // Southpeak's admin invited; everyone else in the partnership is told.
    for (const member of [ctx.cast.north.admin, ctx.cast.north.viewer, ctx.cast.south.editor]) {
      expect(await notificationsOf(member)).toContainEqual(
        expect.objectContaining({
          kind: "organization_joined",
          item: { kind: "organization", id: east.id, title: "Eastgate" },
        }),
      );
    }
    // Who asked for it and who did it are not told of their own acts.
    expect(await notificationsOf(ctx.cast.south.admin)).toEqual([]);
    expect(await notificationsOf(east.admin)).toEqual([]);
  });

  it("counts an approval for the approver's own organization only, whatever the body names", async () => {
    const east = await newOrganizationAdmin("Eastgate");
    const token = await inviteOrganization(ctx.cast.south.admin);

    // South approving again, naming North, does not speak for North.
    const forged = await approve(ctx.cast.south.admin, token, {
      organizationId: ctx.cast.north.id,
    });
    expect(forged.status).toBe(200);
    expect(forged.body.invitation.waitingFor).toEqual([
      { id: ctx.cast.north.id, name: "Northwind" },
    ]);
    expect((await accept(east.admin, token)).status).toBe(409);
  });

  it("refuses approvals and the list to anyone but a partnership admin", async () => {
    const token = await inviteOrganization(ctx.cast.south.admin);
    const outsider = await ctx.harness.signup("Outsider");

    for (const user of [ctx.cast.north.editor, ctx.cast.north.viewer]) {
      expect((await approve(user, token)).status).toBe(403);
      expect((await list(user)).status).toBe(403);
    }
    expect((await approve(outsider, token)).status).toBe(404);
    expect((await list(outsider)).status).toBe(404);
    expect((await ctx.harness.request("GET", path())).status).toBe(401);
    // Still waiting for North.
    expect((await list(ctx.cast.south.admin)).body.invitations[0].waitingFor).toEqual([
      { id: ctx.cast.north.id, name: "Northwind" },
    ]);
  });

  it("asks an organization that joined after the invitation was made for its approval too", async () => {
    const east = await newOrganizationAdmin("Eastgate");
    const west = await newOrganizationAdmin("Westmark");
    const forWest = await inviteOrganization(ctx.cast.north.admin);
    await approve(ctx.cast.south.admin, forWest);
    const forEast = await inviteOrganization(ctx.cast.north.admin);
    await approve(ctx.cast.south.admin, forEast);
    expect((await accept(east.admin, forEast)).status).toBe(200);

    const pending = await accept(west.admin, forWest);

    expect(pending.status).toBe(409);
    expect(pending.body.error.details).toEqual({ waitingFor: [{ id: east.id, name: "Eastgate" }] });
    await approve(east.admin, forWest);
    expect((await accept(west.admin, forWest)).status).toBe(200);
  });

  it("lists open organization invitations only, and answers 404, 409 and 410 to approving others", async () => {
    const memberToken = await ctx.harness.invite(ctx.cast.north.admin, ctx.cast.partnershipId, {
      kind: "member",
      role: "viewer",
    });
    const expired = await inviteOrganization(ctx.cast.north.admin);
    await ctx.harness.store.db
      .updateTable("invitations")
      .set({ expires_at: Date.now() - 1 })
      .where("id", "=", SessionService.idOf(expired))
      .execute();
    const east = await newOrganizationAdmin("Eastgate");
    const used = await inviteOrganization(ctx.cast.north.admin);
    await approve(ctx.cast.south.admin, used);
    expect((await accept(east.admin, used)).status).toBe(200);

    expect((await list(ctx.cast.north.admin)).body.invitations).toEqual([]);
    expect((await approve(ctx.cast.south.admin, memberToken)).status).toBe(404);
    expect((await approve(ctx.cast.south.admin, expired)).status).toBe(410);
    expect((await approve(ctx.cast.south.admin, used)).body).toEqual(errorOf("invitation_used"));
    const malformed = await ctx.harness.request("POST", path("/not-an-id/approve"), {
      cookie: ctx.cast.north.admin.cookie,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      error: { code: "invalid_input", message: expect.any(String), details: expect.any(Array) },
    });
  });

  it("lets only one of two look-alikes accepting at once in", async () => {
    const west = await newOrganizationAdmin("Westmark");
    const lookAlike = await newOrganizationAdmin("WESTMÁRK");
    const tokens = [
      await inviteOrganization(ctx.cast.north.admin),
      await inviteOrganization(ctx.cast.north.admin),
    ];
    for (const token of tokens) await approve(ctx.cast.south.admin, token);

    const answers = await Promise.all([
      accept(west.admin, tokens[0]!),
      accept(lookAlike.admin, tokens[1]!),
    ]);

    // Whichever got in first is now in the partnership: the other waits for its approval.
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.error.code).toBe("approval_pending");
    const joined = (await organizationsIn()).filter((id) => id === west.id || id === lookAlike.id);
    expect(joined).toHaveLength(1);

    // And once it approves, the name is taken.
    const [firstIn, other] = joined[0] === west.id ? [west, lookAlike] : [lookAlike, west];
    const otherToken = other === west ? tokens[0]! : tokens[1]!;
    await approve(firstIn.admin, otherToken);
    expect((await accept(other.admin, otherToken)).body).toEqual(errorOf("name_taken"));
  });

  it("needs no other approval while the inviting organization is alone", async () => {
    const soloAdmin = await ctx.harness.signup("Solo Admin");
    const solo = await ctx.harness.createOrganization(soloAdmin, "Solo");
    const partnershipId = await ctx.harness.createPartnership(soloAdmin, solo, "Solo × Next");
    const next = await newOrganizationAdmin("Nextdoor");
    const token = await ctx.harness.invite(soloAdmin, partnershipId, {
      kind: "organization",
      role: "admin",
    });

    expect((await accept(next.admin, token)).status).toBe(200);
  });
});
