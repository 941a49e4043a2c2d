import type { MeetingView, PartnershipMemberView } from "@entente/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiHarness, type TestUser } from "../../test/api-harness.js";

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

/**
 * The meeting form proposes every member of the partnership, of both organizations, as a
 * participant. The server takes that list from its own directory and still checks each id:
 * a member removed since the form opened, or anyone from elsewhere, is refused.
 */
describe("default participants of a new meeting", () => {
  let harness: ApiHarness;
  let cast: Cast;

  beforeEach(async () => {
    harness = await ApiHarness.create();
    cast = await harness.twoOrganizationPartnership();
  });

  afterEach(() => harness.close());

  const call = (method: string, path: string, user: TestUser, body?: unknown) =>
    harness.request(method, path, { cookie: user.cookie, ...(body === undefined ? {} : { body }) });

  /** The members the partnership page lists to the caller: what the form pre-selects. */
  const listedMembers = async (user: TestUser): Promise<PartnershipMemberView[]> => {
    const response = await call("GET", `/api/partnerships/${cast.partnershipId}`, user);
    expect(response.status).toBe(200);
    return response.body.members as PartnershipMemberView[];
  };

  const create = (user: TestUser, participantIds: string[]) =>
    call("POST", `/api/partnerships/${cast.partnershipId}/meetings`, user, {
      title: "Kick-off",
      kind: "steering_committee",
      level: "strategic",
      startsAt: "2027-01-12T09:00:00.000Z",
      durationMinutes: 60,
      participantIds,
    });

  it("accepts every listed member of both organizations, each stamped with their own organization", async () => {
    const members = await listedMembers(cast.south.editor);
    expect(new Set(members.map((m) => m.organizationId))).toEqual(
      new Set([cast.north.id, cast.south.id]),
    );
    const response = await create(
      cast.south.editor,
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
    const members = await listedMembers(cast.north.editor);
    const removed = await call(
      "DELETE",
      `/api/partnerships/${cast.partnershipId}/members/${cast.south.viewer.id}`,
      cast.south.admin,
    );
    expect(removed.status).toBe(204);
    const outsider = await harness.signup("Olga Outsider");
    await harness.createPartnership(
      outsider,
      await harness.createOrganization(outsider, "Elsewhere"),
      "Another alliance",
    );
    const ids = [...members.map((m) => m.id), outsider.id];
    const response = await create(cast.north.editor, ids);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_input");
    expect((response.body.error.details as { path: string }[]).map((d) => d.path)).toEqual([
      `participantIds.${ids.indexOf(cast.south.viewer.id)}`,
      `participantIds.${ids.indexOf(outsider.id)}`,
    ]);
    expect(await harness.store.db.selectFrom("meetings").selectAll().execute()).toEqual([]);

    // What the page lists now is accepted as it is.
    const now = await listedMembers(cast.north.editor);
    expect(now.map((m) => m.id)).not.toContain(cast.south.viewer.id);
    expect(
      (
        await create(
          cast.north.editor,
          now.map((m) => m.id),
        )
      ).status,
    ).toBe(201);
  });
});
