import type { HealthCheckOrganizationResult, HealthCheckView } from "@entente/protocol";
import { api, ApiError } from "../../../lib/api-client";

/** What the trend reads of one cycle (`GET /api/health-checks/:healthCheckId`). */
export interface HealthCheckDetail {
  healthCheck: Pick<HealthCheckView, "id" | "title" | "status">;
  results: readonly HealthCheckOrganizationResult[];
}

export const healthChecksApi = {
  /** Newest first; an empty list when the server has no health checks (404 included). */
  list: async (partnershipId: string): Promise<HealthCheckView[]> => {
    try {
      const { healthChecks } = await api.call("GET /api/partnerships/:id/health-checks", {
        id: partnershipId,
      });
      return healthChecks;
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) return [];
      throw caught;
    }
  },
  get: (id: string): Promise<HealthCheckDetail> =>
    api.call("GET /api/health-checks/:healthCheckId", { healthCheckId: id }),
};
