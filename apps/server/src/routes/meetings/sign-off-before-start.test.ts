import { type MeetingView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

const DAY = 24 * 60 * 60_000;

/**
 * Minutes record what was said: an agenda item of a meeting that has not started cannot be
 * signed off, whatever a client sends. The server decides from the meeting's stored start.
 */
describe("sign-off before the meeting starts", () => {
  const ctx = usePartnershipHarness();

  const schedule = async (startsAt: number): Promise<MeetingView> => {
    const response = await ctx.harness.call(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/meetings`,
      ctx.cast.north.editor,
      {
        title: "Steering committee",
        kind: "steering_committee",
        level: "strategic",
        startsAt: new Date(startsAt).toISOString(),
        durationMinutes: 60,
        agenda: [{ title: "Budget", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 20 }],
      },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.meeting as MeetingView;
  };

  const signOffRows = () =>
    ctx.harness.store.db.selectFrom("agenda_sign_offs").selectAll().execute();

  it("answers 409 meeting_not_started to every organization, with the current version or a forged one, and records nothing", async () => {
    const meeting = await schedule(Date.now() + 2 * DAY);
    const item = meeting.agenda[0]!;
    const bodies: unknown[] = [{}, { version: item.version }, { version: "f".repeat(64) }];
    for (const user of [
      ctx.cast.north.editor,
      ctx.cast.north.admin,
      ctx.cast.south.editor,
      ctx.cast.south.admin,
    ]) {
      for (const body of bodies) {
        const response = await ctx.harness.call(
          "POST",
          `/api/agenda-items/${item.id}/sign-off`,
          user,
          body,
        );
        expect(response.status).toBe(409);
        expect(response.body).toEqual({
          error: {
            code: "meeting_not_started",
            message: expect.any(String),
            details: { startsAt: meeting.startsAt },
          },
        });
      }
    }
    expect(await signOffRows()).toEqual([]);
    const after = await ctx.harness.call(
      "GET",
      `/api/meetings/${meeting.id}`,
      ctx.cast.south.viewer,
    );
    expect(after.body.meeting.agenda[0].signOffs).toEqual([]);
  });

  it("still answers 404 to a non-member and 403 to a viewer first: they learn nothing of the start", async () => {
    const meeting = await schedule(Date.now() + 2 * DAY);
    const path = `/api/agenda-items/${meeting.agenda[0]!.id}/sign-off`;
    const outsider = await ctx.harness.signup("Olga Outsider");
    expect((await ctx.harness.call("POST", path, outsider, {})).status).toBe(404);
    expect((await ctx.harness.call("POST", path, ctx.cast.south.viewer, {})).status).toBe(403);
  });

  it("lets both organizations sign off once the meeting has started", async () => {
    const meeting = await schedule(Date.now() - 10 * 60_000);
    const path = `/api/agenda-items/${meeting.agenda[0]!.id}/sign-off`;
    expect((await ctx.harness.call("POST", path, ctx.cast.north.editor, {})).status).toBe(200);
    const south = await ctx.harness.call("POST", path, ctx.cast.south.editor, {});
    expect(south.status).toBe(200);
    expect(
      south.body.meeting.agenda[0].signOffs.map(
        (s: { organizationId: string }) => s.organizationId,
      ),
    ).toEqual([ctx.cast.north.id, ctx.cast.south.id]);
  });

  it("goes by the stored start: a meeting moved into the future is refused again", async () => {
    const meeting = await schedule(Date.now() - DAY);
    const path = `/api/agenda-items/${meeting.agenda[0]!.id}/sign-off`;
    expect((await ctx.harness.call("POST", path, ctx.cast.north.editor, {})).status).toBe(200);
    const moved = await ctx.harness.call(
      "PATCH",
      `/api/meetings/${meeting.id}`,
      ctx.cast.south.editor,
      {
        startsAt: new Date(Date.now() + DAY).toISOString(),
      },
    );
    expect(moved.status).toBe(200);
    const refused = await ctx.harness.call("POST", path, ctx.cast.south.editor, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("meeting_not_started");
    expect((await signOffRows()).map((row) => row.organization_id)).toEqual([ctx.cast.north.id]);
  });
});
