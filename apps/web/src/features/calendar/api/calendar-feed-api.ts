import { api } from "../../../lib/api-client";

/** The caller's private calendar feed: whether it exists, a new address, revoking it. */
export const calendarFeedApi = {
  get: () => api.call("GET /api/me/calendar-feed"),
  create: () => api.call("POST /api/me/calendar-feed"),
  revoke: () => api.call("DELETE /api/me/calendar-feed"),
};
