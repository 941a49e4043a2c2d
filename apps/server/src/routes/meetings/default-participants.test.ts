import type { MeetingView, PartnershipMemberView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

/**
 * The meeting form proposes every member of the partnership, of both organizations, as a
 * participant. The server takes that list from its own directory and still checks each id:
 * a member removed since the form opened, or anyone from elsewhere, is refused.
 */
describe("default participants of a new meeting", () => {
  const ctx = usePartnershipHarness();

  /** The members the partnership page lists to the caller: what the form pre-selects. */
  const listedMembers = async (user: TestUser): Promise<PartnershipMemberView[]> => {
    const response = await ctx.harness.call(
      "GET",
      `/api/partnerships/${ctx.cast.partnershipId}`,
      user,
    );
    expect(response.status).toBe(200);
    return response.body.members as PartnershipMemberView[];
  };

  const create = (user: TestUser, participantIds: string[]) =>
    ctx.harness.call("POST", `/api/partnerships/${ctx.cast.partnershipId}/meetings`, user, {
      title: "Kick-off",
      kind: "steering_committee",
      level: "strategic",
      startsAt: "2027-01-12T09:00:00.000Z",
      durationMinutes: 60,
      participantIds,
    });

  it("accepts every listed member of both organizations, each stamped with their own organization", async () => {
    const members = await listedMembers(ctx.cast.south.editor);
    expect(new Set(members.map((m) => m.organizationId))).toEqual(
      new Set([ctx.cast.north.id, ctx.cast.south.id]),
    );
    const response = await create(
      ctx.cast.south.editor,
      members.map((m) => m.id),
    );
    expect(response.status).toBe(201);
    const meeting = response.body.meeting as MeetingView;
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(meeting.participants.map((p) => ({ ...p })).sort(byId)).toEqual(
      members.map((m) => ({ id: m.id, name: m.name, organizationId: m.organizationId })).sort(byId),
    );
  });

  it("refuses a default list holding a member removed since, or someone of another partnership, and creates nothing", async () => {
    const members = await listedMembers(ctx.cast.north.editor);
    const removed = await ctx.harness.call(
      "DELETE",
      `/api/partnerships/${ctx.cast.partnershipId}/members/${ctx.cast.south.viewer.id}`,
      ctx.cast.south.admin,
    );
    expect(removed.status).toBe(204);
    const outsider = await ctx.harness.signup("Olga Outsider");
    await ctx.harness.createPartnership(
      outsider,
      await ctx.harness.createOrganization(outsider, "Elsewhere"),
      "Another alliance",
    );
    const ids = [...members.map((m) => m.id), outsider.id];
    const response = await create(ctx.cast.north.editor, ids);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_input");
    expect((response.body.error.details as { path: string }[]).map((d) => d.path)).toEqual([
      `participantIds.${ids.indexOf(ctx.cast.south.viewer.id)}`,
      `participantIds.${ids.indexOf(outsider.id)}`,
    ]);
    expect(await ctx.harness.store.db.selectFrom("meetings").selectAll().execute()).toEqual([]);

    // What the page lists now is accepted as it is.
    const now = await listedMembers(ctx.cast.north.editor);
    expect(now.map((m) => m.id)).not.toContain(ctx.cast.south.viewer.id);
    expect(
      (
        await create(
          ctx.cast.north.editor,
          now.map((m) => m.id),
        )
      ).status,
    ).toBe(201);
  });
});
