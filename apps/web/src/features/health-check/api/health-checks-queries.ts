import { queryOptions } from "@tanstack/react-query";
import { partnershipKey } from "../../../lib/query-keys";
import { healthChecksApi } from "./health-checks-api";

export const healthChecksKeys = {
  list: (partnershipId: string) => [...partnershipKey(partnershipId), "health-checks"] as const,
  cycle: (id: string) => ["health-check", id] as const,
};

export const healthChecksQueries = {
  list: (partnershipId: string) =>
    queryOptions({
      queryKey: healthChecksKeys.list(partnershipId),
      queryFn: () => healthChecksApi.list(partnershipId),
    }),
  cycle: (id: string) =>
    queryOptions({ queryKey: healthChecksKeys.cycle(id), queryFn: () => healthChecksApi.read(id) }),
};
