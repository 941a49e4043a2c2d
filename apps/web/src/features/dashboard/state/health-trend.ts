import type { HealthCheckDetail } from "../api/health-checks-api";
import type { Shows } from "./tiles";

/** One closed cycle: each shown organization's mean rating over the dimensions (`null`: hidden). */
export interface HealthTrendPoint {
  healthCheckId: string;
  label: string;
  scores: Record<string, number | null>;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** Closed cycles, oldest first (the list comes newest first), with the lens's organizations. */
export function healthTrend(
  details: readonly HealthCheckDetail[],
  organizationIds: readonly string[],
  shows: Shows,
): HealthTrendPoint[] {
  return details
    .filter((d) => d.healthCheck.status === "closed")
    .map((d) => ({
      healthCheckId: d.healthCheck.id,
      label: d.healthCheck.title,
      scores: Object.fromEntries(
        organizationIds
          .filter((id) => shows(id))
          .map((id) => {
            const result = d.results.find((r) => r.organizationId === id);
            const averages =
              result && !result.hidden && result.averages ? Object.values(result.averages) : [];
            return [id, mean(averages)];
          }),
      ),
    }))
    .reverse();
}
