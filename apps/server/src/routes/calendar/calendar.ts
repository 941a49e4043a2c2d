import type { CalendarFeedCreatedResponse, CalendarFeedResponse } from "@entente/protocol";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { DomainError } from "../../domain-error.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import { MeetingParams } from "@entente/protocol/schemas";
import { CreateFeedBody, FeedFileParams } from "@entente/protocol/schemas";

function calendarResponse(c: Context<AppEnv>, ics: string, filename: string): Response {
  c.header("Content-Type", "text/calendar; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  c.header("Cache-Control", "no-store");
  return c.body(ics);
}

/** `GET /api/meetings/:meetingId/invite.ics`: the meeting's invitation, for its members only. */
export function meetingInviteRoutes(services: Services): Hono<AppEnv> {
  const { meetings, meetingCalendar } = services;
  return new Hono<AppEnv>().get("/:meetingId/invite.ics", async (c) => {
    const { user } = requireAuth(c);
    const { meetingId } = parseOrThrow(MeetingParams, c.req.param());
    await meetings.requireMeeting(user.id, meetingId);
    const [meeting, reader] = await Promise.all([
      meetingCalendar.meeting(meetingId),
      meetingCalendar.reader(user.id),
    ]);
    if (!meeting || !reader) throw DomainError.notFound("No such meeting");
    return calendarResponse(c, meetingCalendar.write([meeting], "publish", reader), "invite.ics");
  });
}

/** `/api/me/calendar-feed`: the caller's private feed URL: see it exists, (re)create, revoke. */
export function calendarFeedRoutes(services: Services): Hono<AppEnv> {
  const { calendarFeeds } = services;
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const { user } = requireAuth(c);
      const createdAt = await calendarFeeds.createdAt(user.id);
      const body: CalendarFeedResponse = {
        feed: createdAt === null ? null : { createdAt: new Date(createdAt).toISOString() },
      };
      return c.json(body);
    })
    .post("/", async (c) => {
      const { user } = requireAuth(c);
      await readJson(c, CreateFeedBody);
      const { url, createdAt } = await calendarFeeds.create(user.id);
      const body: CalendarFeedCreatedResponse = {
        feed: { url, createdAt: new Date(createdAt).toISOString() },
      };
      return c.json(body, 201);
    })
    .delete("/", async (c) => {
      const { user } = requireAuth(c);
      await calendarFeeds.revoke(user.id);
      return c.body(null, 204);
    });
}

/**
 * `GET /calendar/<token>.ics`: a member's private feed, for calendar apps (no session: the
 * token is the credential). Unknown and revoked tokens are a 404.
 */
export function calendarSubscriptionRoutes(services: Services): Hono<AppEnv> {
  const { calendarFeeds, meetingCalendar } = services;
  return new Hono<AppEnv>().get("/:file", async (c) => {
    const parsed = FeedFileParams.safeParse(c.req.param());
    if (!parsed.success) throw DomainError.notFound("No such calendar");
    const userId = await calendarFeeds.userOf(parsed.data.file.slice(0, -".ics".length));
    const reader = userId === null ? null : await meetingCalendar.reader(userId);
    if (userId === null || !reader) throw DomainError.notFound("No such calendar");
    const ics = meetingCalendar.write(await meetingCalendar.meetingsOf(userId), "publish", reader);
    return calendarResponse(c, ics, "entente.ics");
  });
}
