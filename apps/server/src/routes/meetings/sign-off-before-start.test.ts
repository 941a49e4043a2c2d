import { type MeetingView } from "@entente/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiHarness, type TestUser } from "../../test/api-harness.js";

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

const DAY = 24 * 60 * 60_000;

/**
 * Minutes record what was said: an agenda item of a meeting that has not started cannot be
 * signed off, whatever a client sends. The server decides from the meeting's stored start.
 */
describe("sign-off before the meeting starts", () => {
  let harness: ApiHarness;
  let cast: Cast;

  beforeEach(async () => {
    harness = await ApiHarness.create();
    cast = await harness.twoOrganizationPartnership();
  });

  afterEach(() => harness.close());

  const call = (method: string, path: string, user: TestUser, body?: unknown) =>
    harness.request(method, path, { cookie: user.cookie, ...(body === undefined ? {} : { body }) });

  const schedule = async (startsAt: number): Promise<MeetingView> => {
    const response = await call(
      "POST",
      `/api/partnerships/${cast.partnershipId}/meetings`,
      cast.north.editor,
      {
        title: "Steering committee",
        kind: "steering_committee",
        level: "strategic",
        startsAt: new Date(startsAt).toISOString(),
        durationMinutes: 60,
        agenda: [{ title: "Budget", ownerOrganizationId: cast.north.id, timeboxMinutes: 20 }],
      },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.meeting as MeetingView;
  };

  const signOffRows = () => harness.store.db.selectFrom("agenda_sign_offs").selectAll().execute();

  it("answers 409 meeting_not_started to every organization, with the current version or a forged one, and records nothing", async () => {
    const meeting = await schedule(Date.now() + 2 * DAY);
    const item = meeting.agenda[0]!;
    const bodies: unknown[] = [{}, { version: item.version }, { version: "f".repeat(64) }];
    for (const user of [cast.north.editor, cast.north.admin, cast.south.editor, cast.south.admin]) {
      for (const body of bodies) {
        const response = await call("POST", `/api/agenda-items/${item.id}/sign-off`, user, body);
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
    const after = await call("GET", `/api/meetings/${meeting.id}`, cast.south.viewer);
    expect(after.body.meeting.agenda[0].signOffs).toEqual([]);
  });

  it("still answers 404 to a non-member and 403 to a viewer first: they learn nothing of the start", async () => {
    const meeting = await schedule(Date.now() + 2 * DAY);
    const path = `/api/agenda-items/${meeting.agenda[0]!.id}/sign-off`;
    const outsider = await harness.signup("Olga Outsider");
    expect((await call("POST", path, outsider, {})).status).toBe(404);
    expect((await call("POST", path, cast.south.viewer, {})).status).toBe(403);
  });

  it("lets both organizations sign off once the meeting has started", async () => {
    const meeting = await schedule(Date.now() - 10 * 60_000);
    const path = `/api/agenda-items/${meeting.agenda[0]!.id}/sign-off`;
    expect((await call("POST", path, cast.north.editor, {})).status).toBe(200);
    const south = await call("POST", path, cast.south.editor, {});
    expect(south.status).toBe(200);
    expect(
      south.body.meeting.agenda[0].signOffs.map(
        (s: { organizationId: string }) => s.organizationId,
      ),
    ).toEqual([cast.north.id, cast.south.id]);
  });

  it("goes by the stored start: a meeting moved into the future is refused again", async () => {
    const meeting = await schedule(Date.now() - DAY);
    const path = `/api/agenda-items/${meeting.agenda[0]!.id}/sign-off`;
    expect((await call("POST", path, cast.north.editor, {})).status).toBe(200);
    const moved = await call("PATCH", `/api/meetings/${meeting.id}`, cast.south.editor, {
      startsAt: new Date(Date.now() + DAY).toISOString(),
    });
    expect(moved.status).toBe(200);
    const refused = await call("POST", path, cast.south.editor, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("meeting_not_started");
    expect((await signOffRows()).map((row) => row.organization_id)).toEqual([cast.north.id]);
  });
});
