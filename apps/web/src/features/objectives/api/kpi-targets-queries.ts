import { queryOptions } from "@tanstack/react-query";
import { partnershipKey, polled } from "../../../lib/query-keys";
import { kpiTargetsApi } from "./kpi-targets-api";

export const kpiTargetsKeys = {
  list: (partnershipId: string) => [...partnershipKey(partnershipId), "kpi-targets"] as const,
};

export const kpiTargetsQueries = {
  /** Proposed and agreed KPI targets: polled, the partner's answers carry no event. */
  list: (partnershipId: string) =>
    queryOptions({
      queryKey: kpiTargetsKeys.list(partnershipId),
      queryFn: () => kpiTargetsApi.list(partnershipId),
      ...polled(5_000),
    }),
};
