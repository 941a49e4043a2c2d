import { api } from "../../../lib/api-client";

export const activityApi = {
  /** Newest first; `organizationId` keeps one organization's edits, `before` is a `nextCursor`. */
  list: (partnershipId: string, query: { organizationId: string | null; before: string | null }) =>
    api.call(
      "GET /api/partnerships/:id/activity",
      { id: partnershipId },
      // As before: a field left empty is not sent, and no query string at all without one.
      { organizationId: query.organizationId || undefined, before: query.before || undefined },
    ),
};
