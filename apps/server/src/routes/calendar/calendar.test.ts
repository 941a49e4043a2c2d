import type { MeetingView } from "@entente/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiHarness, TEST_ORIGIN, type TestUser } from "../../test/api-harness.js";
import { parseCalendar } from "../../test/ical.js";

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

const DAY = 24 * 60 * 60_000;

describe("meeting calendars", () => {
  let harness: ApiHarness;
  let cast: Cast;
  let outsider: TestUser;
  let clock = Date.UTC(2026, 11, 1, 9);

  beforeEach(async () => {
    clock = Date.UTC(2026, 11, 1, 9);
    harness = await ApiHarness.create({ now: () => clock });
    cast = await harness.twoOrganizationPartnership();
    outsider = await harness.signup("Olga Outsider");
    await harness.createPartnership(
      outsider,
      await harness.createOrganization(outsider, "Elsewhere"),
      "Another alliance",
    );
  });

  afterEach(async () => {
    await harness.close();
  });

  const steering = {
    title: "Steering committee Q4",
    kind: "steering_committee",
    level: "strategic",
    startsAt: "2026-12-10T09:00:00.000Z",
    durationMinutes: 90,
    timeZone: "Europe/Paris",
    place: "Lyon, salle Rhône",
    videoUrl: "https://meet.example.com/steering-q4",
  };

  const schedule = async (body: Record<string, unknown> = {}): Promise<MeetingView> => {
    const response = await harness.request(
      "POST",
      `/api/partnerships/${cast.partnershipId}/meetings`,
      {
        body: {
          ...steering,
          participantIds: [cast.south.editor.id],
          agenda: [
            { title: "Pilot results", ownerOrganizationId: cast.north.id, timeboxMinutes: 30 },
            { title: "Budget 2027", ownerOrganizationId: cast.south.id, timeboxMinutes: 45 },
          ],
          ...body,
        },
        cookie: cast.north.editor.cookie,
      },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.meeting as MeetingView;
  };

  /** The response's body as text (calendars are not JSON). */
  const fetchText = async (path: string, user?: TestUser) => {
    const response = await harness.app.request(path, {
      headers: user ? { cookie: user.cookie } : {},
    });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      text: await response.text(),
    };
  };

  const invite = (meetingId: string, user?: TestUser) =>
    fetchText(`/api/meetings/${meetingId}/invite.ics`, user);

  const createFeed = async (user: TestUser): Promise<string> => {
    const response = await harness.request("POST", "/api/me/calendar-feed", {
      body: {},
      cookie: user.cookie,
    });
    expect(response.status).toBe(201);
    return response.body.feed.url as string;
  };

  /** The feed's path on the app, from its full URL. */
  const feedPath = (url: string) => new URL(url).pathname;

  it("stores and shows the time zone, place and video link", async () => {
    const meeting = await schedule();
    expect(meeting).toMatchObject({
      timeZone: "Europe/Paris",
      place: "Lyon, salle Rhône",
      videoUrl: "https://meet.example.com/steering-q4",
      calendarSequence: 0,
    });
    const read = await harness.request("GET", `/api/meetings/${meeting.id}`, {
      cookie: cast.south.viewer.cookie,
    });
    expect(read.body.meeting).toMatchObject({
      timeZone: "Europe/Paris",
      place: "Lyon, salle Rhône",
    });
  });

  it("refuses an unknown time zone and a video link that is not https, naming the fields", async () => {
    const response = await harness.request(
      "POST",
      `/api/partnerships/${cast.partnershipId}/meetings`,
      {
        body: { ...steering, timeZone: "Mars/Olympus", videoUrl: "http://meet.example.com/x" },
        cookie: cast.north.editor.cookie,
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_input");
    const paths = (response.body.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["timeZone", "videoUrl"]));
    const patched = await harness.request("PATCH", `/api/meetings/${(await schedule()).id}`, {
      body: { videoUrl: "javascript:alert(1)" },
      cookie: cast.north.editor.cookie,
    });
    expect(patched.status).toBe(400);
  });

  it("offers members an RFC 5545 invitation with the agenda and a link back", async () => {
    const meeting = await schedule();
    const response = await invite(meeting.id, cast.south.viewer);
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^text\/calendar/);
    const { events } = parseCalendar(response.text);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.uid).toBe(`meeting-${meeting.id}@entente.test`);
    expect(event!.sequence).toBe(0);
    expect(event!.start.toISOString()).toBe("2026-12-10T09:00:00.000Z");
    expect(event!.end.toISOString()).toBe("2026-12-10T10:30:00.000Z");
    expect(event!.summary).toContain("Steering committee Q4");
    expect(event!.location).toBe("Lyon, salle Rhône");
    expect(event!.url).toBe("https://meet.example.com/steering-q4");
    expect(event!.status).toBe("CONFIRMED");
    expect(event!.description).toContain("1. Pilot results");
    expect(event!.description).toContain("2. Budget 2027");
    expect(event!.description).toContain("Europe/Paris");
    expect(event!.description).toContain(
      `${TEST_ORIGIN}/p/${cast.partnershipId}/meetings/${meeting.id}`,
    );
  });

  it("keeps the UID and raises SEQUENCE when the meeting moves, not when nothing calendars show changes", async () => {
    const meeting = await schedule();
    const before = parseCalendar((await invite(meeting.id, cast.north.admin)).text).events[0]!;
    const patch = (body: unknown) =>
      harness.request("PATCH", `/api/meetings/${meeting.id}`, {
        body,
        cookie: cast.north.editor.cookie,
      });
    expect((await patch({ kind: "operational_sync" })).body.meeting.calendarSequence).toBe(0);
    expect((await patch({ startsAt: "2026-12-11T13:00:00Z" })).body.meeting.calendarSequence).toBe(
      1,
    );
    expect((await patch({ place: "Grenoble" })).body.meeting.calendarSequence).toBe(2);
    const after = parseCalendar((await invite(meeting.id, cast.north.admin)).text).events[0]!;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBe(2);
    expect(after.start.toISOString()).toBe("2026-12-11T13:00:00.000Z");
    expect(after.location).toBe("Grenoble");
  });

  it("gives a non-member nothing, and asks for a session", async () => {
    const meeting = await schedule();
    const denied = await invite(meeting.id, outsider);
    expect(denied.status).toBe(404);
    expect(JSON.parse(denied.text)).toMatchObject({ error: { code: "not_found" } });
    expect((await invite(meeting.id)).status).toBe(401);
  });

  it("serves a private feed by its token only, and a revoked or replaced token no longer", async () => {
    const meeting = await schedule();
    expect(
      (await harness.request("GET", "/api/me/calendar-feed", { cookie: cast.south.editor.cookie }))
        .body,
    ).toEqual({ feed: null });
    const url = await createFeed(cast.south.editor);
    expect(url).toMatch(new RegExp(`^${TEST_ORIGIN}/calendar/[a-z2-7]{32}\\.ics$`));
    const status = await harness.request("GET", "/api/me/calendar-feed", {
      cookie: cast.south.editor.cookie,
    });
    expect(status.body.feed).toEqual({ createdAt: new Date(clock).toISOString() });
    // Only the token's hash is kept.
    const stored = await harness.store.db.selectFrom("calendar_feeds").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(feedPath(url).slice(10, 42));

    const feed = await fetchText(feedPath(url));
    expect(feed.status).toBe(200);
    expect(parseCalendar(feed.text).events.map((e) => e.uid)).toEqual([
      `meeting-${meeting.id}@entente.test`,
    ]);

    const replaced = await createFeed(cast.south.editor);
    expect((await fetchText(feedPath(url))).status).toBe(404);
    expect((await fetchText(feedPath(replaced))).status).toBe(200);

    const revoked = await harness.request("DELETE", "/api/me/calendar-feed", {
      cookie: cast.south.editor.cookie,
    });
    expect(revoked.status).toBe(204);
    const gone = await fetchText(feedPath(replaced));
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.text)).toMatchObject({ error: { code: "not_found" } });
    expect((await fetchText("/calendar/not-a-token.ics")).status).toBe(404);
  });

  it("keeps a deleted meeting in feeds as cancelled for 30 days, then drops it", async () => {
    const meeting = await schedule();
    await harness.request("PATCH", `/api/meetings/${meeting.id}`, {
      body: { title: "Steering committee Q4 (moved)" },
      cookie: cast.north.editor.cookie,
    });
    const url = await createFeed(cast.south.viewer);
    const deleted = await harness.request("DELETE", `/api/meetings/${meeting.id}`, {
      cookie: cast.north.editor.cookie,
    });
    expect(deleted.status).toBe(204);

    clock += 29 * DAY;
    const [event] = parseCalendar((await fetchText(feedPath(url))).text).events;
    expect(event).toMatchObject({
      uid: `meeting-${meeting.id}@entente.test`,
      status: "CANCELLED",
      sequence: 2,
    });
    expect(event!.summary).toContain("Steering committee Q4 (moved)");
    expect(event!.start.toISOString()).toBe("2026-12-10T09:00:00.000Z");

    clock += 1 * DAY + 1;
    expect(parseCalendar((await fetchText(feedPath(url))).text).events).toEqual([]);
    expect(await harness.store.db.selectFrom("cancelled_meetings").selectAll().execute()).toEqual(
      [],
    );
  });

  it("stops listing a partnership's meetings in the feed of a member who left it", async () => {
    const meeting = await schedule();
    const other = await harness.createPartnership(cast.south.admin, cast.south.id, "South only");
    const own = await harness.request("POST", `/api/partnerships/${other}/meetings`, {
      body: { ...steering, title: "South internal" },
      cookie: cast.south.admin.cookie,
    });
    expect(own.status).toBe(201);
    const url = await createFeed(cast.south.admin);
    const uids = async () =>
      parseCalendar((await fetchText(feedPath(url))).text).events.map((e) => e.summary);
    expect(await uids()).toHaveLength(2);

    const left = await harness.request(
      "DELETE",
      `/api/partnerships/${cast.partnershipId}/members/${cast.south.editor.id}`,
      { cookie: cast.south.admin.cookie },
    );
    expect(left.status).toBe(204);
    const editorFeed = await createFeed(cast.south.editor);
    expect(parseCalendar((await fetchText(feedPath(editorFeed))).text).events).toEqual([]);
    // The admin is still a member: both partnerships stay.
    expect(await uids()).toEqual(
      expect.arrayContaining([
        expect.stringContaining("South internal"),
        expect.stringContaining(meeting.title),
      ]),
    );
  });
});
