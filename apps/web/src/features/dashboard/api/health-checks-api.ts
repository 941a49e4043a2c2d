import { api, ApiError } from "../../../lib/api-client";

const segment = encodeURIComponent;

/**
 * The health-check contract of issue 14 (`GET /api/partnerships/:id/health-checks`,
 * `GET /api/health-checks/:id`), as far as the dashboard reads it. Built on another branch:
 * only the fields the trend needs are typed here.
 */
export interface HealthCheckSummary {
  id: string;
  title?: string;
  status: "open" | "closed";
  createdAt?: string;
  closedAt?: string | null;
}

export interface HealthCheckResult {
  organizationId: string;
  respondents: number;
  hidden: boolean;
  averages?: Record<string, number>;
}

export interface HealthCheckDetail {
  healthCheck: HealthCheckSummary;
  results: HealthCheckResult[];
}

export const healthChecksApi = {
  /** Newest first; an empty list when the server has no health checks (404 included). */
  list: async (partnershipId: string): Promise<HealthCheckSummary[]> => {
    try {
      const { healthChecks } = await api.get<{ healthChecks: HealthCheckSummary[] }>(
        `/api/partnerships/${segment(partnershipId)}/health-checks`,
      );
      return healthChecks;
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) return [];
      throw caught;
    }
  },
  get: (id: string) => api.get<HealthCheckDetail>(`/api/health-checks/${segment(id)}`),
};
