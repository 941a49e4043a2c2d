import type { ActivityResponse } from "@entente/protocol";
import { api } from "../../../lib/api-client";

export const activityApi = {
  /** Newest first; `organizationId` keeps one organization's edits, `before` is a `nextCursor`. */
  list: (
    partnershipId: string,
    query: { organizationId: string | null; before: string | null },
  ) => {
    const params = new URLSearchParams();
    if (query.organizationId) params.set("organizationId", query.organizationId);
    if (query.before) params.set("before", query.before);
    const search = params.size > 0 ? `?${params.toString()}` : "";
    return api.get<ActivityResponse>(
      `/api/partnerships/${encodeURIComponent(partnershipId)}/activity${search}`,
    );
  },
};
