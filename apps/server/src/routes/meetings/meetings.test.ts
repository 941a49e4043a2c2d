import type { MeetingView } from "@entente/protocol";
import { beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";
import { storeNotes } from "../../test/live-meetings.js";

const DAY = 24 * 60 * 60_000;
/** A start in the past: the meeting was held, so its minutes can be signed off. */
const HELD = "2026-11-26T09:00:00.000Z";

function errorOf(code: string) {
  return { error: { code, message: expect.any(String) } };
}

/** The field paths a 400 names. */
function pathsOf(body: any): string[] {
  return (body.error.details as { path: string }[]).map((d) => d.path);
}

describe("meeting routes", () => {
  const ctx = usePartnershipHarness();
  let outsider: TestUser;

  beforeEach(async () => {
    outsider = await ctx.harness.signup("Olga Outsider");
    const own = await ctx.harness.createOrganization(outsider, "Elsewhere");
    await ctx.harness.createPartnership(outsider, own, "Another alliance");
  });

  const meetingsPath = () => `/api/partnerships/${ctx.cast.partnershipId}/meetings`;

  const steering = (overrides: Record<string, unknown> = {}) => ({
    title: "Steering committee Q4",
    kind: "steering_committee",
    level: "strategic",
    startsAt: "2026-12-10T09:00:00.000Z",
    durationMinutes: 90,
    ...overrides,
  });

  const create = (user: TestUser | undefined, body: unknown) =>
    ctx.harness.request("POST", meetingsPath(), { body, cookie: user?.cookie });

  /** Creates a meeting as `user` (North's editor by default); fails the test otherwise. */
  const created = async (
    body: unknown = steering(),
    user: TestUser = ctx.cast.north.editor,
  ): Promise<MeetingView> => {
    const response = await create(user, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.meeting as MeetingView;
  };

  describe("create", () => {
    it("schedules a meeting with its agenda, stamped with the caller, facilitated by them", async () => {
      const response = await create(ctx.cast.north.editor, {
        ...steering(),
        participantIds: [ctx.cast.south.editor.id, ctx.cast.north.viewer.id],
        agenda: [
          { title: "Pilot results", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 30 },
          { title: "Budget 2027", ownerOrganizationId: ctx.cast.south.id, timeboxMinutes: 45 },
        ],
      });
      expect(response.status).toBe(201);
      const meeting = response.body.meeting as MeetingView;
      expect(meeting).toEqual({
        id: expect.stringMatching(/^[a-z0-9]+$/),
        partnershipId: ctx.cast.partnershipId,
        title: "Steering committee Q4",
        kind: "steering_committee",
        level: "strategic",
        startsAt: "2026-12-10T09:00:00.000Z",
        durationMinutes: 90,
        facilitator: {
          id: ctx.cast.north.editor.id,
          name: "North Editor",
          organizationId: ctx.cast.north.id,
        },
        // Northwind first (it started the partnership), then by name; the facilitator included.
        participants: [
          { id: ctx.cast.north.editor.id, name: "North Editor", organizationId: ctx.cast.north.id },
          { id: ctx.cast.north.viewer.id, name: "North Viewer", organizationId: ctx.cast.north.id },
          { id: ctx.cast.south.editor.id, name: "South Editor", organizationId: ctx.cast.south.id },
        ],
        agenda: [
          {
            id: expect.any(String),
            title: "Pilot results",
            ownerOrganizationId: ctx.cast.north.id,
            timeboxMinutes: 30,
            position: 0,
            signOffs: [],
            version: expect.stringMatching(/^[0-9a-f]{64}$/),
          },
          {
            id: expect.any(String),
            title: "Budget 2027",
            ownerOrganizationId: ctx.cast.south.id,
            timeboxMinutes: 45,
            position: 1,
            signOffs: [],
            version: expect.stringMatching(/^[0-9a-f]{64}$/),
          },
        ],
        createdBy: {
          id: ctx.cast.north.editor.id,
          name: "North Editor",
          organizationId: ctx.cast.north.id,
        },
        createdAt: expect.any(String),
        // Not given: UTC, nowhere in particular, no video call; never moved.
        timeZone: "UTC",
        place: "",
        videoUrl: null,
        calendarSequence: 0,
      });
      const fetched = await ctx.harness.call(
        "GET",
        `/api/meetings/${meeting.id}`,
        ctx.cast.south.viewer,
      );
      expect(fetched.status).toBe(200);
      expect(fetched.body.meeting).toEqual(meeting);
    });

    it("takes another facilitator, who becomes a participant too", async () => {
      const meeting = await created(steering({ facilitatorId: ctx.cast.south.admin.id }));
      expect(meeting.facilitator).toEqual({
        id: ctx.cast.south.admin.id,
        name: "South Admin",
        organizationId: ctx.cast.south.id,
      });
      expect(meeting.participants.map((p) => p.id)).toEqual([ctx.cast.south.admin.id]);
    });

    it("refuses participants and a facilitator who are not members, and foreign agenda owners", async () => {
      const response = await create(ctx.cast.north.editor, {
        ...steering(),
        facilitatorId: outsider.id,
        participantIds: [ctx.cast.south.editor.id, outsider.id],
        agenda: [
          { title: "Ours", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 10 },
          { title: "Theirs", ownerOrganizationId: "elsewhere", timeboxMinutes: 10 },
        ],
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: { code: "invalid_input", message: expect.any(String), details: expect.any(Array) },
      });
      expect(pathsOf(response.body)).toEqual([
        "facilitatorId",
        "participantIds.1",
        "agenda.1.ownerOrganizationId",
      ]);
      const viewerFacilitates = await create(
        ctx.cast.north.editor,
        steering({ facilitatorId: ctx.cast.south.viewer.id }),
      );
      expect(viewerFacilitates.status).toBe(400);
      expect(pathsOf(viewerFacilitates.body)).toEqual(["facilitatorId"]);
      expect(await ctx.harness.store.db.selectFrom("meetings").selectAll().execute()).toEqual([]);
    });

    it("answers bad input with 400 and the offending fields", async () => {
      const response = await create(ctx.cast.north.editor, {
        title: "  ",
        kind: "party",
        level: "galactic",
        startsAt: "next tuesday",
        durationMinutes: 0,
        agenda: [{ title: "x", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: -5 }],
      });
      expect(response.status).toBe(400);
      expect(pathsOf(response.body).sort()).toEqual([
        "agenda.0.timeboxMinutes",
        "durationMinutes",
        "kind",
        "level",
        "startsAt",
        "title",
      ]);
      // Who created it comes from the session, never from the body.
      const forged = await create(
        ctx.cast.north.editor,
        steering({ createdBy: { id: ctx.cast.south.admin.id } }),
      );
      expect(forged.status).toBe(400);
      const notJson = await create(ctx.cast.north.editor, "{not json");
      expect(notJson.status).toBe(400);
      expect(notJson.body).toEqual(errorOf("invalid_json"));
    });

    it("is for editors and admins: a viewer gets 403, a non-member 404, nobody signed in 401", async () => {
      expect((await create(ctx.cast.south.viewer, steering())).status).toBe(403);
      expect((await create(ctx.cast.south.viewer, steering())).body).toEqual(errorOf("forbidden"));
      expect((await create(outsider, steering())).status).toBe(404);
      expect((await create(undefined, steering())).status).toBe(401);
      expect((await created(steering(), ctx.cast.south.admin)).createdBy.organizationId).toBe(
        ctx.cast.south.id,
      );
    });
  });

  describe("list, get, change and delete", () => {
    it("lists upcoming meetings first by start, then past ones newest first, with the rhythm", async () => {
      const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
      const later = await created(steering({ title: "Later", startsAt: at(20) }));
      const longAgo = await created(steering({ title: "Long ago", startsAt: at(-60) }));
      const soon = await created(steering({ title: "Soon", startsAt: at(2) }));
      const recently = await created(steering({ title: "Recently", startsAt: at(-3) }));
      const response = await ctx.harness.call("GET", meetingsPath(), ctx.cast.south.viewer);
      expect(response.status).toBe(200);
      expect(response.body.meetings.map((m: MeetingView) => m.id)).toEqual([
        soon.id,
        later.id,
        recently.id,
        longAgo.id,
      ]);
      expect(response.body.rhythm.map((r: { level: string }) => r.level)).toEqual([
        "strategic",
        "tactical",
        "operational",
      ]);
    });

    it("keeps meetings to their partnership: a non-member gets 404 for each of them", async () => {
      const meeting = await created(
        steering({
          agenda: [{ title: "Item", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 5 }],
        }),
      );
      const item = meeting.agenda[0]!.id;
      const attempts: [string, string, unknown?][] = [
        ["GET", meetingsPath()],
        ["GET", `/api/partnerships/${ctx.cast.partnershipId}/rhythm`],
        ["GET", `/api/meetings/${meeting.id}`],
        ["PATCH", `/api/meetings/${meeting.id}`, { title: "Mine now" }],
        ["DELETE", `/api/meetings/${meeting.id}`],
        [
          "POST",
          `/api/meetings/${meeting.id}/agenda-items`,
          { title: "Mine", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 5 },
        ],
        ["PATCH", `/api/agenda-items/${item}`, { title: "Mine" }],
        ["DELETE", `/api/agenda-items/${item}`],
        ["POST", `/api/agenda-items/${item}/sign-off`, {}],
      ];
      for (const [method, path, body] of attempts) {
        const response = await ctx.harness.call(method, path, outsider, body);
        expect([method, path, response.status]).toEqual([method, path, 404]);
        expect(response.body).toEqual(errorOf("not_found"));
      }
      const fresh = await ctx.harness.call(
        "GET",
        `/api/meetings/${meeting.id}`,
        ctx.cast.north.viewer,
      );
      expect(fresh.body.meeting).toEqual(meeting);
      expect(
        (await ctx.harness.call("GET", "/api/meetings/nosuchmeeting", ctx.cast.north.admin)).status,
      ).toBe(404);
    });

    it("lets viewers read but never write: 403 on every change", async () => {
      const meeting = await created(
        steering({
          agenda: [{ title: "Item", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 5 }],
        }),
      );
      const item = meeting.agenda[0]!.id;
      expect(
        (await ctx.harness.call("GET", `/api/meetings/${meeting.id}`, ctx.cast.north.viewer))
          .status,
      ).toBe(200);
      const attempts: [string, string, unknown?][] = [
        ["PATCH", `/api/meetings/${meeting.id}`, { title: "Viewer's" }],
        ["DELETE", `/api/meetings/${meeting.id}`],
        [
          "POST",
          `/api/meetings/${meeting.id}/agenda-items`,
          { title: "Viewer's", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 5 },
        ],
        ["PATCH", `/api/agenda-items/${item}`, { title: "Viewer's" }],
        ["DELETE", `/api/agenda-items/${item}`],
        ["POST", `/api/agenda-items/${item}/sign-off`, {}],
      ];
      for (const viewer of [ctx.cast.north.viewer, ctx.cast.south.viewer]) {
        for (const [method, path, body] of attempts) {
          const response = await ctx.harness.call(method, path, viewer, body);
          expect([method, path, response.status]).toEqual([method, path, 403]);
          expect(response.body).toEqual(errorOf("forbidden"));
        }
      }
      expect(
        (await ctx.harness.call("GET", `/api/meetings/${meeting.id}`, ctx.cast.north.viewer)).body
          .meeting,
      ).toEqual(meeting);
    });

    it("changes any subset of the fields; participants are replaced, the facilitator kept in", async () => {
      const meeting = await created(steering({ participantIds: [ctx.cast.south.editor.id] }));
      const patched = await ctx.harness.call(
        "PATCH",
        `/api/meetings/${meeting.id}`,
        ctx.cast.south.editor,
        {
          title: "Steering committee Q4 (moved)",
          startsAt: "2026-12-11T14:30:00+01:00",
          participantIds: [ctx.cast.south.admin.id],
        },
      );
      expect(patched.status).toBe(200);
      expect(patched.body.meeting).toMatchObject({
        title: "Steering committee Q4 (moved)",
        startsAt: "2026-12-11T13:30:00.000Z",
        kind: "steering_committee",
        durationMinutes: 90,
        facilitator: { id: ctx.cast.north.editor.id },
      });
      expect(patched.body.meeting.participants.map((p: { id: string }) => p.id)).toEqual([
        ctx.cast.north.editor.id,
        ctx.cast.south.admin.id,
      ]);

      const handedOver = await ctx.harness.call(
        "PATCH",
        `/api/meetings/${meeting.id}`,
        ctx.cast.north.admin,
        {
          facilitatorId: ctx.cast.north.admin.id,
          level: "tactical",
          kind: "tactical_review",
        },
      );
      expect(handedOver.status).toBe(200);
      expect(handedOver.body.meeting.facilitator.id).toBe(ctx.cast.north.admin.id);
      expect(handedOver.body.meeting.participants.map((p: { id: string }) => p.id)).toEqual([
        ctx.cast.north.admin.id,
        ctx.cast.north.editor.id,
        ctx.cast.south.admin.id,
      ]);
      expect(handedOver.body.meeting).toMatchObject({ level: "tactical", kind: "tactical_review" });

      const bad = await ctx.harness.call(
        "PATCH",
        `/api/meetings/${meeting.id}`,
        ctx.cast.north.admin,
        {
          participantIds: [outsider.id],
          durationMinutes: 100_000,
          agenda: [],
        },
      );
      expect(bad.status).toBe(400);
      expect(pathsOf(bad.body).sort()).toEqual(["", "durationMinutes"]);
      const notMember = await ctx.harness.call(
        "PATCH",
        `/api/meetings/${meeting.id}`,
        ctx.cast.north.admin,
        {
          participantIds: [ctx.cast.north.viewer.id, outsider.id],
        },
      );
      expect(notMember.status).toBe(400);
      expect(pathsOf(notMember.body)).toEqual(["participantIds.1"]);
    });

    it("lets only the facilitator or an admin hand the facilitation over", async () => {
      // North's editor facilitates; South's admin and North's admin are partnership admins.
      const meeting = await created(steering());
      const handOver = (user: TestUser, facilitatorId: string) =>
        ctx.harness.call("PATCH", `/api/meetings/${meeting.id}`, user, {
          facilitatorId,
          title: "Taken",
        });
      const facilitatorOf = async () =>
        (await ctx.harness.call("GET", `/api/meetings/${meeting.id}`, ctx.cast.north.viewer)).body
          .meeting.facilitator.id as string;

      // Another editor cannot take the room over, nor give it to someone else.
      for (const facilitatorId of [ctx.cast.south.editor.id, ctx.cast.south.admin.id]) {
        const taken = await handOver(ctx.cast.south.editor, facilitatorId);
        expect(taken.status).toBe(403);
        expect(taken.body).toEqual(errorOf("forbidden"));
      }
      expect(await facilitatorOf()).toBe(ctx.cast.north.editor.id);
      expect(
        (await ctx.harness.call("GET", `/api/meetings/${meeting.id}`, ctx.cast.north.viewer)).body
          .meeting.title,
      ).toBe("Steering committee Q4");
      // Naming the current facilitator changes nothing: any editor's edit form sends it.
      const same = await handOver(ctx.cast.south.editor, ctx.cast.north.editor.id);
      expect(same.status).toBe(200);
      expect(same.body.meeting.title).toBe("Taken");

      // The facilitator hands over; then they no longer can.
      const handed = await handOver(ctx.cast.north.editor, ctx.cast.south.editor.id);
      expect(handed.status).toBe(200);
      expect(handed.body.meeting.facilitator.id).toBe(ctx.cast.south.editor.id);
      expect((await handOver(ctx.cast.north.editor, ctx.cast.north.editor.id)).status).toBe(403);
      expect(await facilitatorOf()).toBe(ctx.cast.south.editor.id);
      // An admin of the partnership may, from either organization.
      const byAdmin = await handOver(ctx.cast.north.admin, ctx.cast.north.editor.id);
      expect(byAdmin.status).toBe(200);
      expect(await facilitatorOf()).toBe(ctx.cast.north.editor.id);
    });

    it("deletes a meeting with its agenda, keeping its sign-offs stamped with who deleted it", async () => {
      const meeting = await created(
        steering({
          startsAt: HELD,
          agenda: [{ title: "Item", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 5 }],
        }),
      );
      const item = meeting.agenda[0]!.id;
      expect(
        (
          await ctx.harness.call(
            "POST",
            `/api/agenda-items/${item}/sign-off`,
            ctx.cast.north.admin,
            {},
          )
        ).status,
      ).toBe(200);
      const deleted = await ctx.harness.call(
        "DELETE",
        `/api/meetings/${meeting.id}`,
        ctx.cast.south.editor,
      );
      expect(deleted.status).toBe(204);
      expect(deleted.body).toBeUndefined();
      expect(
        (await ctx.harness.call("GET", `/api/meetings/${meeting.id}`, ctx.cast.north.admin)).status,
      ).toBe(404);
      expect(
        (
          await ctx.harness.call("PATCH", `/api/agenda-items/${item}`, ctx.cast.north.admin, {
            title: "x",
          })
        ).status,
      ).toBe(404);
      expect(
        (await ctx.harness.call("GET", meetingsPath(), ctx.cast.north.admin)).body.meetings,
      ).toEqual([]);
      for (const table of ["agenda_items", "meeting_participants"] as const) {
        expect(await ctx.harness.store.db.selectFrom(table).selectAll().execute()).toEqual([]);
      }
      // A signature outlives what it signed (routes/meetings/sign-off-binding.test.ts).
      const kept = await ctx.harness.store.db
        .selectFrom("agenda_sign_offs")
        .select(["agenda_item_id", "deleted_by_user_id", "deleted_by_organization_id"])
        .execute();
      expect(kept).toEqual([
        {
          agenda_item_id: item,
          deleted_by_user_id: ctx.cast.south.editor.id,
          deleted_by_organization_id: ctx.cast.south.id,
        },
      ]);
    });
  });

  describe("agenda", () => {
    const item = (title: string, ownerOrganizationId: string, timeboxMinutes = 15) => ({
      title,
      ownerOrganizationId,
      timeboxMinutes,
    });
    const titles = (meeting: MeetingView) => meeting.agenda.map((i) => [i.title, i.position]);

    it("adds items at the end, changes, reorders and removes them", async () => {
      const meeting = await created(steering({ agenda: [item("Welcome", ctx.cast.north.id, 5)] }));
      const added = await ctx.harness.call(
        "POST",
        `/api/meetings/${meeting.id}/agenda-items`,
        ctx.cast.south.editor,
        item("Southpeak's pilot", ctx.cast.south.id, 20),
      );
      expect(added.status).toBe(201);
      await ctx.harness.call(
        "POST",
        `/api/meetings/${meeting.id}/agenda-items`,
        ctx.cast.north.admin,
        item("AOB", ctx.cast.north.id),
      );
      const withThree = (
        await ctx.harness.call("GET", `/api/meetings/${meeting.id}`, ctx.cast.north.admin)
      ).body.meeting as MeetingView;
      expect(titles(withThree)).toEqual([
        ["Welcome", 0],
        ["Southpeak's pilot", 1],
        ["AOB", 2],
      ]);
      expect(withThree.agenda[1]).toMatchObject({
        ownerOrganizationId: ctx.cast.south.id,
        timeboxMinutes: 20,
      });
      const [welcome, pilot, aob] = withThree.agenda.map((i) => i.id);

      const changed = await ctx.harness.call(
        "PATCH",
        `/api/agenda-items/${pilot}`,
        ctx.cast.north.editor,
        {
          title: "Pilot results",
          ownerOrganizationId: ctx.cast.north.id,
          timeboxMinutes: 25,
        },
      );
      expect(changed.status).toBe(200);
      expect(changed.body.meeting.agenda[1]).toMatchObject({
        id: pilot,
        title: "Pilot results",
        ownerOrganizationId: ctx.cast.north.id,
        timeboxMinutes: 25,
        position: 1,
      });

      const first = await ctx.harness.call(
        "PATCH",
        `/api/agenda-items/${aob}`,
        ctx.cast.north.editor,
        {
          position: 0,
        },
      );
      expect(first.status).toBe(200);
      expect(titles(first.body.meeting)).toEqual([
        ["AOB", 0],
        ["Welcome", 1],
        ["Pilot results", 2],
      ]);
      // Past the end means last.
      const last = await ctx.harness.call(
        "PATCH",
        `/api/agenda-items/${aob}`,
        ctx.cast.north.editor,
        {
          position: 99,
        },
      );
      expect(titles(last.body.meeting)).toEqual([
        ["Welcome", 0],
        ["Pilot results", 1],
        ["AOB", 2],
      ]);

      const removed = await ctx.harness.call(
        "DELETE",
        `/api/agenda-items/${welcome}`,
        ctx.cast.south.admin,
      );
      expect(removed.status).toBe(200);
      expect(titles(removed.body.meeting)).toEqual([
        ["Pilot results", 0],
        ["AOB", 1],
      ]);
      const again = await ctx.harness.call(
        "GET",
        `/api/meetings/${meeting.id}`,
        ctx.cast.south.viewer,
      );
      expect(again.body.meeting).toEqual(removed.body.meeting);
      expect(
        (await ctx.harness.call("DELETE", `/api/agenda-items/${welcome}`, ctx.cast.south.admin))
          .status,
      ).toBe(404);
    });

    it("holds at most 50 items, however they are added", async () => {
      const full = Array.from({ length: 50 }, (_, i) =>
        item(`Item ${i + 1}`, ctx.cast.north.id, 5),
      );
      const meeting = await created(steering({ agenda: full }));
      expect(meeting.agenda).toHaveLength(50);
      const tooMany = await create(ctx.cast.north.editor, steering({ agenda: [...full, full[0]] }));
      expect(tooMany.status).toBe(400);
      expect(pathsOf(tooMany.body)).toEqual(["agenda"]);

      const add = () =>
        ctx.harness.call(
          "POST",
          `/api/meetings/${meeting.id}/agenda-items`,
          ctx.cast.south.editor,
          item("One more", ctx.cast.south.id),
        );
      const refused = await add();
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual(errorOf("conflict"));
      const after = (
        await ctx.harness.call("GET", `/api/meetings/${meeting.id}`, ctx.cast.north.admin)
      ).body.meeting as MeetingView;
      expect(after.agenda).toHaveLength(50);
      expect(after.agenda.map((i) => i.title)).not.toContain("One more");

      // Room again once an item goes.
      await ctx.harness.call(
        "DELETE",
        `/api/agenda-items/${after.agenda[0]!.id}`,
        ctx.cast.north.admin,
      );
      const added = await add();
      expect(added.status).toBe(201);
      expect(added.body.meeting.agenda).toHaveLength(50);
      expect(added.body.meeting.agenda[49].title).toBe("One more");
    });

    it("refuses owners outside the partnership and bad input, with field paths", async () => {
      const meeting = await created();
      const foreign = await ctx.harness.call(
        "POST",
        `/api/meetings/${meeting.id}/agenda-items`,
        ctx.cast.north.editor,
        item("Theirs", "elsewhere"),
      );
      expect(foreign.status).toBe(400);
      expect(pathsOf(foreign.body)).toEqual(["ownerOrganizationId"]);
      const bad = await ctx.harness.call(
        "POST",
        `/api/meetings/${meeting.id}/agenda-items`,
        ctx.cast.north.editor,
        {
          title: "",
          timeboxMinutes: 1.5,
        },
      );
      expect(bad.status).toBe(400);
      expect(pathsOf(bad.body).sort()).toEqual(["ownerOrganizationId", "timeboxMinutes", "title"]);
      const added = await ctx.harness.call(
        "POST",
        `/api/meetings/${meeting.id}/agenda-items`,
        ctx.cast.north.editor,
        item("Ours", ctx.cast.north.id),
      );
      const id = added.body.meeting.agenda[0].id as string;
      const badPatch = await ctx.harness.call(
        "PATCH",
        `/api/agenda-items/${id}`,
        ctx.cast.north.editor,
        {
          position: -1,
          ownerOrganizationId: "elsewhere",
        },
      );
      expect(badPatch.status).toBe(400);
      expect(pathsOf(badPatch.body)).toEqual(["position"]);
      const foreignPatch = await ctx.harness.call(
        "PATCH",
        `/api/agenda-items/${id}`,
        ctx.cast.north.editor,
        {
          ownerOrganizationId: "elsewhere",
        },
      );
      expect(foreignPatch.status).toBe(400);
      expect(pathsOf(foreignPatch.body)).toEqual(["ownerOrganizationId"]);
    });
  });

  describe("sign-off", () => {
    const notes = (meeting: MeetingView, itemId: string, text: string) =>
      storeNotes(ctx.harness.store, ctx.cast.partnershipId, meeting, itemId, text);
    const signOff = (itemId: string, user: TestUser, body: unknown = {}) =>
      ctx.harness.call("POST", `/api/agenda-items/${itemId}/sign-off`, user, body);

    it("stamps each organization's sign-off, keeps the history, and tells what changed since", async () => {
      const meeting = await created(
        steering({
          startsAt: HELD,
          agenda: [
            { title: "Pilot", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 20 },
            { title: "Budget", ownerOrganizationId: ctx.cast.south.id, timeboxMinutes: 20 },
          ],
        }),
      );
      const [pilot, budget] = meeting.agenda.map((i) => i.id) as [string, string];
      await notes(meeting, pilot, "Pilot ran in three depots.");

      const before = Date.now();
      const north = await signOff(pilot, ctx.cast.north.editor);
      const after = Date.now();
      expect(north.status).toBe(200);
      const northView = north.body.meeting.agenda[0].signOffs;
      expect(northView).toEqual([
        {
          organizationId: ctx.cast.north.id,
          organizationName: "Northwind",
          signedBy: { id: ctx.cast.north.editor.id, name: "North Editor" },
          signedAt: expect.any(String),
          changedSince: false,
        },
      ]);
      const signedAt = Date.parse(northView[0].signedAt);
      expect(signedAt).toBeGreaterThanOrEqual(before);
      expect(signedAt).toBeLessThanOrEqual(after);
      expect(north.body.meeting.agenda[1].signOffs).toEqual([]);

      const south = await signOff(pilot, ctx.cast.south.admin);
      expect(
        south.body.meeting.agenda[0].signOffs.map((s: any) => [
          s.organizationName,
          s.signedBy.name,
          s.changedSince,
        ]),
      ).toEqual([
        ["Northwind", "North Editor", false],
        ["Southpeak", "South Admin", false],
      ]);

      // Another item's notes change: this item's sign-offs still stand.
      await notes(meeting, budget, "Budget agreed.");
      const untouched = await ctx.harness.call(
        "GET",
        `/api/meetings/${meeting.id}`,
        ctx.cast.south.viewer,
      );
      expect(untouched.body.meeting.agenda[0].signOffs.map((s: any) => s.changedSince)).toEqual([
        false,
        false,
      ]);

      await notes(meeting, pilot, "Added: a fourth depot joins in January.");
      const changed = await ctx.harness.call(
        "GET",
        `/api/meetings/${meeting.id}`,
        ctx.cast.south.viewer,
      );
      expect(changed.body.meeting.agenda[0].signOffs.map((s: any) => s.changedSince)).toEqual([
        true,
        true,
      ]);

      const resigned = await signOff(pilot, ctx.cast.north.admin);
      expect(
        resigned.body.meeting.agenda[0].signOffs.map((s: any) => [s.signedBy.name, s.changedSince]),
      ).toEqual([
        ["North Admin", false],
        ["South Admin", true],
      ]);
      const history = await ctx.harness.store.db
        .selectFrom("agenda_sign_offs")
        .select(["organization_id", "user_id"])
        .where("agenda_item_id", "=", pilot)
        .orderBy("id")
        .execute();
      expect(history).toEqual([
        { organization_id: ctx.cast.north.id, user_id: ctx.cast.north.editor.id },
        { organization_id: ctx.cast.south.id, user_id: ctx.cast.south.admin.id },
        { organization_id: ctx.cast.north.id, user_id: ctx.cast.north.admin.id },
      ]);
    });

    it("speaks for the caller's seat organization only: a body naming one is refused", async () => {
      const meeting = await created(
        steering({
          startsAt: HELD,
          agenda: [{ title: "Pilot", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 5 }],
        }),
      );
      const forged = await signOff(meeting.agenda[0]!.id, ctx.cast.north.editor, {
        organizationId: ctx.cast.south.id,
      });
      expect(forged.status).toBe(400);
      expect(
        await ctx.harness.store.db.selectFrom("agenda_sign_offs").selectAll().execute(),
      ).toEqual([]);
    });
  });

  describe("hostile input", () => {
    // Wrong for every field: no type, too long for any string, no integer.
    const WRONG_TYPES: unknown[] = [
      -1.5,
      true,
      null,
      {},
      [{}],
      ["x"],
      { $gt: "" },
      "x".repeat(5000),
    ];

    it("answers every wrongly typed field of every body with 400 and changes nothing", async () => {
      const meeting = await created(
        steering({
          agenda: [{ title: "Item", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 5 }],
        }),
      );
      const item = meeting.agenda[0]!.id;
      const endpoints: [string, string, Record<string, unknown>][] = [
        [
          "POST",
          meetingsPath(),
          steering({ facilitatorId: ctx.cast.north.editor.id, participantIds: [] }),
        ],
        [
          "PATCH",
          `/api/meetings/${meeting.id}`,
          steering({ facilitatorId: ctx.cast.north.editor.id, participantIds: [] }),
        ],
        [
          "POST",
          `/api/meetings/${meeting.id}/agenda-items`,
          { title: "New", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 5 },
        ],
        [
          "PATCH",
          `/api/agenda-items/${item}`,
          { title: "New", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 5, position: 0 },
        ],
        [
          "PUT",
          `/api/partnerships/${ctx.cast.partnershipId}/rhythm`,
          { levels: [{ level: "strategic", intervalDays: 90 }] },
        ],
      ];
      const snapshot = async () =>
        Promise.all(
          (["meetings", "meeting_participants", "agenda_items", "governance_rhythms"] as const).map(
            (table) => ctx.harness.store.db.selectFrom(table).selectAll().execute(),
          ),
        );
      const before = await snapshot();
      for (const [method, path, valid] of endpoints) {
        for (const field of Object.keys(valid)) {
          for (const wrong of WRONG_TYPES) {
            const response = await ctx.harness.call(method, path, ctx.cast.north.admin, {
              ...valid,
              [field]: wrong,
            });
            expect([method, path, field, response.status]).toEqual([method, path, field, 400]);
            expect(response.body.error.code).toBe("invalid_input");
          }
        }
        for (const body of ["[]", "null", '"text"', "{"]) {
          const response = await ctx.harness.call(method, path, ctx.cast.north.admin, body);
          expect([method, path, body, response.status]).toEqual([method, path, body, 400]);
        }
      }
      expect(
        (await ctx.harness.call("GET", "/api/meetings/bad%20id", ctx.cast.north.admin)).status,
      ).toBe(400);
      const badItem = await ctx.harness.call(
        "POST",
        "/api/agenda-items/bad%20id/sign-off",
        ctx.cast.north.admin,
        {},
      );
      expect(badItem.status).toBe(400);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("export", () => {
    it("puts every meeting in the partnership's Markdown, with agenda, sign-offs and notes", async () => {
      const meeting = await created(
        steering({
          startsAt: HELD,
          participantIds: [ctx.cast.south.editor.id],
          agenda: [
            { title: "Pilot results", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 30 },
            { title: "Budget", ownerOrganizationId: ctx.cast.south.id, timeboxMinutes: 20 },
          ],
        }),
      );
      const [pilot] = meeting.agenda.map((i) => i.id) as [string];
      await storeNotes(
        ctx.harness.store,
        ctx.cast.partnershipId,
        meeting,
        pilot,
        "Uptime held at 99.2%.",
      );
      await ctx.harness.call(
        "POST",
        `/api/agenda-items/${pilot}/sign-off`,
        ctx.cast.south.editor,
        {},
      );
      const response = await ctx.harness.app.request(
        `/api/partnerships/${ctx.cast.partnershipId}/export.md`,
        { headers: { cookie: ctx.cast.north.viewer.cookie } },
      );
      expect(response.status).toBe(200);
      const markdown = await response.text();
      const section = markdown.slice(markdown.indexOf("## Meetings"));
      expect(section).toContain("### Steering committee Q4");
      expect(section).toContain("- Kind: Steering committee");
      expect(section).toContain("- Starts: 2026-11-26 09:00 UTC, 90 min");
      expect(section).toContain(
        "- Participants: North Editor (Northwind), South Editor (Southpeak)",
      );
      expect(section).toContain("#### 1. Pilot results (Northwind, 30 min)");
      expect(section).toMatch(/- Signed off for Southpeak by South Editor on \S+ \S+ UTC\n/);
      expect(section).toContain("Uptime held at 99.2%.");
      expect(section).toContain(
        "#### 2. Budget (Southpeak, 20 min)\n\n_Not signed off._\n\n_No notes._",
      );
    });
  });

  describe("rhythm", () => {
    const rhythmPath = () => `/api/partnerships/${ctx.cast.partnershipId}/rhythm`;
    const put = (user: TestUser, levels: unknown) =>
      ctx.harness.call("PUT", rhythmPath(), user, { levels });
    const level = (body: any, name: string) =>
      (body.rhythm as { level: string }[]).find((l) => l.level === name) as any;

    it("starts with no rhythm at all", async () => {
      const response = await ctx.harness.call("GET", rhythmPath(), ctx.cast.south.viewer);
      expect(response.status).toBe(200);
      expect(response.body.rhythm).toEqual(
        ["strategic", "tactical", "operational"].map((name) => ({
          level: name,
          intervalDays: null,
          lastMeetingAt: null,
          nextMeeting: null,
          dueAt: null,
          overdue: false,
        })),
      );
    });

    it("makes a level that never met due one interval after the partnership started, not overdue on its first day; a recent meeting sets its due date", async () => {
      const set = await put(ctx.cast.north.admin, [{ level: "operational", intervalDays: 7 }]);
      const after = Date.now();
      expect(set.status).toBe(200);
      const never = level(set.body, "operational");
      expect(never).toMatchObject({
        intervalDays: 7,
        lastMeetingAt: null,
        nextMeeting: null,
        overdue: false,
      });
      // The partnership was created for this test, moments ago.
      expect(Date.parse(never.dueAt)).toBeGreaterThan(after + 7 * DAY - 60_000);
      expect(Date.parse(never.dueAt)).toBeLessThanOrEqual(after + 7 * DAY);

      const recent = Date.now() - 2 * DAY;
      await created(
        steering({
          title: "Weekly sync",
          kind: "operational_sync",
          level: "operational",
          startsAt: new Date(recent).toISOString(),
        }),
      );
      const onTime = level(
        (await ctx.harness.call("GET", rhythmPath(), ctx.cast.south.viewer)).body,
        "operational",
      );
      expect(onTime).toMatchObject({
        intervalDays: 7,
        lastMeetingAt: new Date(recent).toISOString(),
        dueAt: new Date(recent + 7 * DAY).toISOString(),
        overdue: false,
      });
      // The list carries the same rhythm.
      expect(
        level(
          (await ctx.harness.call("GET", meetingsPath(), ctx.cast.south.viewer)).body,
          "operational",
        ),
      ).toEqual(onTime);
    });

    it("flags a level whose meeting is past due, while showing the next one scheduled", async () => {
      await put(ctx.cast.south.admin, [
        { level: "tactical", intervalDays: 30 },
        { level: "strategic", intervalDays: 90 },
      ]);
      const last = Date.now() - 45 * DAY;
      await created(
        steering({
          title: "Old review",
          level: "tactical",
          startsAt: new Date(last).toISOString(),
        }),
      );
      const next = await created(
        steering({
          title: "Next review",
          level: "tactical",
          startsAt: new Date(Date.now() + 10 * DAY).toISOString(),
        }),
      );
      const response = await ctx.harness.call("GET", rhythmPath(), ctx.cast.north.viewer);
      expect(level(response.body, "tactical")).toEqual({
        level: "tactical",
        intervalDays: 30,
        lastMeetingAt: new Date(last).toISOString(),
        nextMeeting: { id: next.id, title: "Next review", startsAt: next.startsAt },
        dueAt: new Date(last + 30 * DAY).toISOString(),
        overdue: true,
      });
      // Strategic never met, and the partnership is new: not late yet.
      expect(level(response.body, "strategic")).toMatchObject({ intervalDays: 90, overdue: false });

      // null removes a level's rhythm; levels not named keep theirs.
      const cleared = await put(ctx.cast.north.admin, [{ level: "tactical", intervalDays: null }]);
      expect(level(cleared.body, "tactical")).toMatchObject({
        intervalDays: null,
        dueAt: null,
        overdue: false,
        nextMeeting: { id: next.id },
      });
      expect(level(cleared.body, "strategic")).toMatchObject({ intervalDays: 90 });
    });

    it("is set by admins only, with valid levels", async () => {
      const levels = [{ level: "strategic", intervalDays: 90 }];
      for (const user of [ctx.cast.north.editor, ctx.cast.south.viewer]) {
        const response = await put(user, levels);
        expect(response.status).toBe(403);
        expect(response.body).toEqual(errorOf("forbidden"));
      }
      expect((await put(outsider, levels)).status).toBe(404);
      const bad = await put(ctx.cast.north.admin, [
        { level: "galactic", intervalDays: 0 },
        { level: "strategic", intervalDays: 2.5 },
      ]);
      expect(bad.status).toBe(400);
      expect(pathsOf(bad.body).sort()).toEqual([
        "levels.0.intervalDays",
        "levels.0.level",
        "levels.1.intervalDays",
      ]);
      const twice = await put(ctx.cast.north.admin, [
        { level: "strategic", intervalDays: 90 },
        { level: "strategic", intervalDays: 30 },
      ]);
      expect(twice.status).toBe(400);
      expect(pathsOf(twice.body)).toEqual(["levels"]);
      expect(
        await ctx.harness.store.db.selectFrom("governance_rhythms").selectAll().execute(),
      ).toEqual([]);
    });
  });
});
