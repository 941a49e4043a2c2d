/*
 * JSON answers about a member's private calendar feed (`/api/me/calendar-feed`); the feed
 * itself and a meeting's invitation are iCalendar files, not JSON.
 */
import { z } from "zod";

/** `GET /api/me/calendar-feed`: whether the caller has a private feed (its URL is shown once). */
export const CalendarFeedResponse = z.strictObject({
  feed: z.strictObject({ createdAt: z.string() }).nullable(),
});
export type CalendarFeedResponse = z.infer<typeof CalendarFeedResponse>;

/** `POST /api/me/calendar-feed` → 201: a new feed; its URL holds the secret and is shown only now. */
export const CalendarFeedCreatedResponse = z.strictObject({
  feed: z.strictObject({ createdAt: z.string(), url: z.string() }),
});
export type CalendarFeedCreatedResponse = z.infer<typeof CalendarFeedCreatedResponse>;
