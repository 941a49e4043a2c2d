import type { NotificationView, PartnershipEvent } from "@entente/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SessionService } from "../auth/sessions.js";
import type { TestUser } from "../test/api-harness.js";
import { everyoneIn, usePartnershipHarness } from "../test/partnership-harness.js";

/**
 * Who is in a partnership changing, as the partnership sees it: a `membership.changed` event
 * on its stream for every change, and a notification for everyone but who did it.
 */
describe("membership changes, live and notified", () => {
  const ctx = usePartnershipHarness();
  let events: PartnershipEvent[];
  let unsubscribe: () => void;

  beforeEach(() => {
    events = [];
    unsubscribe = ctx.harness.services.feedEvents.subscribe(
      { kind: "partnership", partnershipId: ctx.cast.partnershipId },
      (event) => events.push(event),
    );
  });

  afterEach(() => unsubscribe());

  const membershipEvents = () => events.filter((e) => e.type === "membership.changed");
  const notificationsOf = async (user: TestUser) =>
    (await ctx.harness.notifications(user)) as NotificationView[];
  const everyone = () => everyoneIn(ctx.cast);
  const removeMember = (by: TestUser, member: TestUser) =>
    ctx.harness.request(
      "DELETE",
      `/api/partnerships/${ctx.cast.partnershipId}/members/${member.id}`,
      {
        cookie: by.cookie,
      },
    );

  it("announces a member invitation used, and tells everyone but the newcomer and their inviter", async () => {
    const newcomer = await ctx.harness.signup("Nadia Newcomer");
    const token = await ctx.harness.invite(ctx.cast.south.admin, ctx.cast.partnershipId, {
      kind: "member",
      role: "editor",
    });

    expect((await ctx.harness.accept(newcomer, token)).status).toBe(200);

    expect(membershipEvents()).toEqual([
      expect.objectContaining({ change: "invitation_created", organizationId: ctx.cast.south.id }),
      {
        type: "membership.changed",
        change: "member_joined",
        organizationId: ctx.cast.south.id,
        userId: newcomer.id,
      },
    ]);
    for (const user of everyone()) {
      const expected =
        user === ctx.cast.south.admin
          ? []
          : [
              expect.objectContaining({
                kind: "member_joined",
                actor: expect.objectContaining({
                  id: newcomer.id,
                  organizationId: ctx.cast.south.id,
                }),
                item: { kind: "member", id: newcomer.id, title: "Nadia Newcomer" },
              }),
            ];
      expect(await notificationsOf(user)).toEqual(expected);
    }
    expect(await notificationsOf(newcomer)).toEqual([]);
  });

  it("announces an organization joining, once every organization approved", async () => {
    const eastAdmin = await ctx.harness.signup("Erin East");
    const east = await ctx.harness.createOrganization(eastAdmin, "Eastgate");
    const token = await ctx.harness.invite(ctx.cast.north.admin, ctx.cast.partnershipId, {
      kind: "organization",
      role: "admin",
    });
    const approved = await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/organization-invitations/${SessionService.idOf(token)}/approve`,
      { cookie: ctx.cast.south.admin.cookie },
    );
    expect(approved.status).toBe(200);
    expect(membershipEvents()).toEqual([
      {
        type: "membership.changed",
        change: "invitation_created",
        organizationId: ctx.cast.north.id,
        userId: null,
      },
      {
        type: "membership.changed",
        change: "invitation_approved",
        organizationId: ctx.cast.south.id,
        userId: null,
      },
    ]);

    expect((await ctx.harness.accept(eastAdmin, token)).status).toBe(200);

    expect(membershipEvents().at(-1)).toEqual({
      type: "membership.changed",
      change: "organization_joined",
      organizationId: east,
      userId: null,
    });
    expect(await notificationsOf(ctx.cast.south.viewer)).toEqual([
      expect.objectContaining({
        kind: "organization_joined",
        item: { kind: "organization", id: east, title: "Eastgate" },
      }),
    ]);
    // Neither who accepted nor who invited is told of it.
    expect(await notificationsOf(eastAdmin)).toEqual([]);
    expect(await notificationsOf(ctx.cast.north.admin)).toEqual([]);
  });

  it("announces a member removed, and tells everyone left but the admin who removed them", async () => {
    expect((await removeMember(ctx.cast.north.admin, ctx.cast.north.editor)).status).toBe(204);

    expect(membershipEvents()).toEqual([
      {
        type: "membership.changed",
        change: "member_left",
        organizationId: ctx.cast.north.id,
        userId: ctx.cast.north.editor.id,
      },
    ]);
    expect(await notificationsOf(ctx.cast.north.admin)).toEqual([]);
    for (const user of [ctx.cast.north.viewer, ctx.cast.south.admin, ctx.cast.south.viewer]) {
      expect(await notificationsOf(user)).toEqual([
        expect.objectContaining({
          kind: "member_left",
          actor: expect.objectContaining({ id: ctx.cast.north.admin.id }),
          item: { kind: "member", id: ctx.cast.north.editor.id, title: "North Editor" },
        }),
      ]);
    }
    // Who left sees nothing of a partnership they are no longer in.
    expect(await notificationsOf(ctx.cast.north.editor)).toEqual([]);
  });

  it("announces a member leaving by themselves, without telling them", async () => {
    expect((await removeMember(ctx.cast.south.viewer, ctx.cast.south.viewer)).status).toBe(204);

    expect(membershipEvents()).toEqual([
      expect.objectContaining({ change: "member_left", userId: ctx.cast.south.viewer.id }),
    ]);
    const [told] = await notificationsOf(ctx.cast.north.viewer);
    expect(told).toMatchObject({
      kind: "member_left",
      actor: { id: ctx.cast.south.viewer.id },
      item: { kind: "member", id: ctx.cast.south.viewer.id },
    });
  });

  it("announces a revoked invitation, and nothing when a change was refused", async () => {
    const token = await ctx.harness.invite(ctx.cast.north.admin, ctx.cast.partnershipId, {
      kind: "member",
      role: "viewer",
    });
    const revoke = (user: TestUser) =>
      ctx.harness.request(
        "POST",
        `/api/partnerships/${ctx.cast.partnershipId}/invitations/${SessionService.idOf(token)}/revoke`,
        { cookie: user.cookie, body: {} },
      );

    expect((await revoke(ctx.cast.north.viewer)).status).toBe(403);
    expect((await removeMember(ctx.cast.south.admin, ctx.cast.north.viewer)).status).toBe(403);
    expect(membershipEvents()).toEqual([
      expect.objectContaining({ change: "invitation_created", organizationId: ctx.cast.north.id }),
    ]);

    expect((await revoke(ctx.cast.north.admin)).status).toBe(200);
    expect(membershipEvents().slice(1)).toEqual([
      {
        type: "membership.changed",
        change: "invitation_revoked",
        organizationId: ctx.cast.north.id,
        userId: null,
      },
    ]);
  });
});
