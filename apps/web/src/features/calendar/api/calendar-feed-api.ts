import type { CalendarFeedCreatedResponse, CalendarFeedResponse } from "@entente/protocol";
import { api } from "../../../lib/api-client";

const FEED = "/api/me/calendar-feed";

/** The caller's private calendar feed: whether it exists, a new address, revoking it. */
export const calendarFeedApi = {
  get: () => api.get<CalendarFeedResponse>(FEED),
  create: () => api.post<CalendarFeedCreatedResponse>(FEED),
  revoke: () => api.delete(FEED),
};
