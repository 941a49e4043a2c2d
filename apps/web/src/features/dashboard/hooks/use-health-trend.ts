import { useEffect, useState } from "react";
import { healthChecksApi, type HealthCheckDetail } from "../api/health-checks-api";

/** How many closed cycles the trend shows. */
const CYCLES = 6;

/**
 * The results of the partnership's latest closed health checks (newest first), `null` while
 * they are read. A server without health checks (404) or a failed read shows none.
 */
export function useHealthChecks(partnershipId: string): HealthCheckDetail[] | null {
  const [details, setDetails] = useState<HealthCheckDetail[] | null>(null);
  useEffect(() => {
    let current = true;
    (async () => {
      const list = await healthChecksApi.list(partnershipId);
      const closed = list.filter((c) => c.status === "closed").slice(0, CYCLES);
      return Promise.all(closed.map((c) => healthChecksApi.get(c.id)));
    })().then(
      (loaded) => {
        if (current) setDetails(loaded);
      },
      () => {
        if (current) setDetails([]);
      },
    );
    return () => {
      current = false;
    };
  }, [partnershipId]);
  return details;
}
