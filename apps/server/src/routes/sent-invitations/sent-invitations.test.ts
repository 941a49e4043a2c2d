import { describe, expect, it } from "vitest";
import { SessionService } from "../../auth/sessions.js";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

function errorOf(code: string) {
  return { error: { code, message: expect.any(String) } };
}

describe("sent invitations: status and revoking", () => {
  const ctx = usePartnershipHarness();

  const list = (user: TestUser) =>
    ctx.harness.request("GET", `/api/partnerships/${ctx.cast.partnershipId}/invitations`, {
      cookie: user.cookie,
    });
  const revoke = (user: TestUser, token: string) =>
    ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/invitations/${SessionService.idOf(token)}/revoke`,
      { cookie: user.cookie },
    );
  const memberInvitation = () =>
    ctx.harness.invite(ctx.cast.north.admin, ctx.cast.partnershipId, {
      kind: "member",
      role: "viewer",
    });

  it("says no e-mail went out when no SMTP is configured, and still gives the link", async () => {
    const response = await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/invitations`,
      {
        body: { kind: "member", role: "editor", email: "new@northwind.example" },
        cookie: ctx.cast.north.admin.cookie,
      },
    );

    expect(response.status).toBe(201);
    expect(response.body.invitation.url).toMatch(/\/invite\/[a-z2-7]+$/);
    expect(response.body.email).toEqual({
      to: "new@northwind.example",
      sent: false,
      reason: "smtp_not_configured",
    });
  });

  it("lists the organization's invitations as pending, used, expired or revoked, newest first", async () => {
    const used = await memberInvitation();
    await ctx.harness.accept(await ctx.harness.signup("Newcomer"), used);
    const expired = await memberInvitation();
    await ctx.harness.store.db
      .updateTable("invitations")
      .set({ expires_at: Date.now() - 1 })
      .where("id", "=", SessionService.idOf(expired))
      .execute();
    const revoked = await memberInvitation();
    expect((await revoke(ctx.cast.north.admin, revoked)).status).toBe(200);
    const pending = await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/invitations`,
      {
        body: { kind: "organization", role: "admin", email: "erin@eastgate.example" },
        cookie: ctx.cast.north.admin.cookie,
      },
    );
    const pendingToken = pending.body.invitation.token as string;

    const response = await list(ctx.cast.north.admin);

    expect(response.status).toBe(200);
    const byId = new Map(
      (response.body.invitations as { id: string }[]).map((i) => [i.id, i] as const),
    );
    expect(byId.get(SessionService.idOf(pendingToken))).toMatchObject({
      kind: "organization",
      role: "admin",
      status: "pending",
      email: "erin@eastgate.example",
      invitedBy: { id: ctx.cast.north.admin.id, name: "North Admin" },
      acceptedBy: null,
      revokedBy: null,
    });
    expect(byId.get(SessionService.idOf(used))).toMatchObject({
      status: "used",
      acceptedBy: { name: "Newcomer" },
      acceptedAt: expect.any(String),
    });
    expect(byId.get(SessionService.idOf(expired))).toMatchObject({ status: "expired" });
    expect(byId.get(SessionService.idOf(revoked))).toMatchObject({
      status: "revoked",
      revokedBy: { id: ctx.cast.north.admin.id, name: "North Admin" },
      revokedAt: expect.any(String),
    });
    expect(response.body.invitations[0].id).toBe(SessionService.idOf(pendingToken));
    // Never the token: the list is not a second way to the link.
    expect(JSON.stringify(response.body)).not.toContain(pendingToken);
  });

  it("shows a partner none of the organization's invitations", async () => {
    await memberInvitation();

    const response = await list(ctx.cast.south.admin);

    const northMade = (response.body.invitations as { invitedBy: { id: string } }[]).filter(
      (i) => i.invitedBy.id === ctx.cast.north.admin.id,
    );
    expect(response.status).toBe(200);
    expect(northMade).toEqual([]);
  });

  it("lets only admins list", async () => {
    const response = await list(ctx.cast.north.editor);

    expect(response.status).toBe(403);
    expect(response.body).toEqual(errorOf("forbidden"));
  });

  it("lets only the inviting organization's admins revoke: a hostile partner and an editor are refused", async () => {
    const token = await memberInvitation();
    const outsider = await ctx.harness.signup("Outsider");

    const partner = await revoke(ctx.cast.south.admin, token);
    const editor = await revoke(ctx.cast.north.editor, token);
    const stranger = await revoke(outsider, token);

    expect([partner.status, editor.status, stranger.status]).toEqual([403, 403, 404]);
    expect(partner.body).toEqual(errorOf("forbidden"));
    expect(editor.body).toEqual(errorOf("forbidden"));
    const row = await ctx.harness.store.db
      .selectFrom("invitations")
      .select("revoked_at")
      .where("id", "=", SessionService.idOf(token))
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
    expect(
      (await ctx.harness.accept(await ctx.harness.signup("Still welcome"), token)).status,
    ).toBe(200);
  });

  it("revokes once (again changes nothing) and never a used invitation", async () => {
    const token = await memberInvitation();
    const first = await revoke(ctx.cast.north.admin, token);
    const again = await revoke(ctx.cast.north.admin, token);
    const used = await memberInvitation();
    await ctx.harness.accept(await ctx.harness.signup("Newcomer"), used);

    const usedRevoke = await revoke(ctx.cast.north.admin, used);

    expect(first.status).toBe(200);
    expect(first.body.invitation).toMatchObject({ status: "revoked" });
    expect(again.status).toBe(200);
    expect(again.body.invitation.revokedAt).toBe(first.body.invitation.revokedAt);
    expect(usedRevoke.status).toBe(409);
    expect(usedRevoke.body).toEqual(errorOf("invitation_used"));
  });

  it("takes a revoked organization invitation off the consent list and refuses its approval", async () => {
    const token = await ctx.harness.invite(ctx.cast.north.admin, ctx.cast.partnershipId, {
      kind: "organization",
      role: "admin",
    });
    await revoke(ctx.cast.north.admin, token);

    const listed = await ctx.harness.request(
      "GET",
      `/api/partnerships/${ctx.cast.partnershipId}/organization-invitations`,
      { cookie: ctx.cast.south.admin.cookie },
    );
    const approve = await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/organization-invitations/${SessionService.idOf(token)}/approve`,
      { cookie: ctx.cast.south.admin.cookie },
    );

    expect(listed.body.invitations).toEqual([]);
    expect(approve.status).toBe(410);
    expect(approve.body).toEqual(errorOf("invitation_revoked"));
  });

  it("answers 400 to an invitation id that cannot be one", async () => {
    const response = await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/invitations/not-an-id/revoke`,
      { cookie: ctx.cast.north.admin.cookie },
    );

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_input");
  });
});
