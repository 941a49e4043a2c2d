import type { NotificationView, PartnershipEvent } from "@entente/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SessionService } from "../auth/sessions.js";
import { ApiHarness, type TestUser } from "../test/api-harness.js";

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

/**
 * Who is in a partnership changing, as the partnership sees it: a `membership.changed` event
 * on its stream for every change, and a notification for everyone but who did it.
 */
describe("membership changes, live and notified", () => {
  let harness: ApiHarness;
  let cast: Cast;
  let events: PartnershipEvent[];
  let unsubscribe: () => void;

  beforeEach(async () => {
    harness = await ApiHarness.create();
    cast = await harness.twoOrganizationPartnership();
    events = [];
    unsubscribe = harness.services.feedEvents.subscribe(
      { kind: "partnership", partnershipId: cast.partnershipId },
      (event) => events.push(event),
    );
  });

  afterEach(async () => {
    unsubscribe();
    await harness.close();
  });

  const membershipEvents = () => events.filter((e) => e.type === "membership.changed");
  const notificationsOf = async (user: TestUser) =>
    (await harness.request("GET", "/api/notifications", { cookie: user.cookie })).body
      .notifications as NotificationView[];
  const everyone = () => [
    cast.north.admin,
    cast.north.editor,
    cast.north.viewer,
    cast.south.admin,
    cast.south.editor,
    cast.south.viewer,
  ];
  const removeMember = (by: TestUser, member: TestUser) =>
    harness.request("DELETE", `/api/partnerships/${cast.partnershipId}/members/${member.id}`, {
      cookie: by.cookie,
    });

  it("announces a member invitation used, and tells everyone but the newcomer and their inviter", async () => {
    const newcomer = await harness.signup("Nadia Newcomer");
    const token = await harness.invite(cast.south.admin, cast.partnershipId, {
      kind: "member",
      role: "editor",
    });

    expect((await harness.accept(newcomer, token)).status).toBe(200);

    expect(membershipEvents()).toEqual([
      expect.objectContaining({ change: "invitation_created", organizationId: cast.south.id }),
      {
        type: "membership.changed",
        change: "member_joined",
        organizationId: cast.south.id,
        userId: newcomer.id,
      },
    ]);
    for (const user of everyone()) {
      const expected =
        user === cast.south.admin
          ? []
          : [
              expect.objectContaining({
                kind: "member_joined",
                actor: expect.objectContaining({ id: newcomer.id, organizationId: cast.south.id }),
                item: { kind: "member", id: newcomer.id, title: "Nadia Newcomer" },
              }),
            ];
      expect(await notificationsOf(user)).toEqual(expected);
    }
    expect(await notificationsOf(newcomer)).toEqual([]);
  });

  it("announces an organization joining, once every organization approved", async () => {
    const eastAdmin = await harness.signup("Erin East");
    const east = await harness.createOrganization(eastAdmin, "Eastgate");
    const token = await harness.invite(cast.north.admin, cast.partnershipId, {
      kind: "organization",
      role: "admin",
    });
    const approved = await harness.request(
      "POST",
      `/api/partnerships/${cast.partnershipId}/organization-invitations/${SessionService.idOf(token)}/approve`,
      { cookie: cast.south.admin.cookie },
    );
    expect(approved.status).toBe(200);
    expect(membershipEvents()).toEqual([
      {
        type: "membership.changed",
        change: "invitation_created",
        organizationId: cast.north.id,
        userId: null,
      },
      {
        type: "membership.changed",
        change: "invitation_approved",
        organizationId: cast.south.id,
        userId: null,
      },
    ]);

    expect((await harness.accept(eastAdmin, token)).status).toBe(200);

    expect(membershipEvents().at(-1)).toEqual({
      type: "membership.changed",
      change: "organization_joined",
      organizationId: east,
      userId: null,
    });
    expect(await notificationsOf(cast.south.viewer)).toEqual([
      expect.objectContaining({
        kind: "organization_joined",
        item: { kind: "organization", id: east, title: "Eastgate" },
      }),
    ]);
    // Neither who accepted nor who invited is told of it.
    expect(await notificationsOf(eastAdmin)).toEqual([]);
    expect(await notificationsOf(cast.north.admin)).toEqual([]);
  });

  it("announces a member removed, and tells everyone left but the admin who removed them", async () => {
    expect((await removeMember(cast.north.admin, cast.north.editor)).status).toBe(204);

    expect(membershipEvents()).toEqual([
      {
        type: "membership.changed",
        change: "member_left",
        organizationId: cast.north.id,
        userId: cast.north.editor.id,
      },
    ]);
    expect(await notificationsOf(cast.north.admin)).toEqual([]);
    for (const user of [cast.north.viewer, cast.south.admin, cast.south.viewer]) {
      expect(await notificationsOf(user)).toEqual([
        expect.objectContaining({
          kind: "member_left",
          actor: expect.objectContaining({ id: cast.north.admin.id }),
          item: { kind: "member", id: cast.north.editor.id, title: "North Editor" },
        }),
      ]);
    }
    // Who left sees nothing of a partnership they are no longer in.
    expect(await notificationsOf(cast.north.editor)).toEqual([]);
  });

  it("announces a member leaving by themselves, without telling them", async () => {
    expect((await removeMember(cast.south.viewer, cast.south.viewer)).status).toBe(204);

    expect(membershipEvents()).toEqual([
      expect.objectContaining({ change: "member_left", userId: cast.south.viewer.id }),
    ]);
    const [told] = await notificationsOf(cast.north.viewer);
    expect(told).toMatchObject({
      kind: "member_left",
      actor: { id: cast.south.viewer.id },
      item: { kind: "member", id: cast.south.viewer.id },
    });
  });

  it("announces a revoked invitation, and nothing when a change was refused", async () => {
    const token = await harness.invite(cast.north.admin, cast.partnershipId, {
      kind: "member",
      role: "viewer",
    });
    const revoke = (user: TestUser) =>
      harness.request(
        "POST",
        `/api/partnerships/${cast.partnershipId}/invitations/${SessionService.idOf(token)}/revoke`,
        { cookie: user.cookie, body: {} },
      );

    expect((await revoke(cast.north.viewer)).status).toBe(403);
    expect((await removeMember(cast.south.admin, cast.north.viewer)).status).toBe(403);
    expect(membershipEvents()).toEqual([
      expect.objectContaining({ change: "invitation_created", organizationId: cast.north.id }),
    ]);

    expect((await revoke(cast.north.admin)).status).toBe(200);
    expect(membershipEvents().slice(1)).toEqual([
      {
        type: "membership.changed",
        change: "invitation_revoked",
        organizationId: cast.north.id,
        userId: null,
      },
    ]);
  });
});
