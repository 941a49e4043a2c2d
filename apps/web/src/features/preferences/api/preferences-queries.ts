import type { DigestPeriodKind } from "@entente/protocol";
import { queryOptions } from "@tanstack/react-query";
import { partnershipKey } from "../../../lib/query-keys";
import { preferencesApi } from "./preferences-api";

export const preferencesKeys = {
  notifications: () => ["notification-preferences"] as const,
  digest: (partnershipId: string, period: DigestPeriodKind) =>
    [...partnershipKey(partnershipId), "digest", period] as const,
};

export const preferencesQueries = {
  notifications: () =>
    queryOptions({
      queryKey: preferencesKeys.notifications(),
      queryFn: () => preferencesApi.get().then((r) => r.preferences),
    }),
  digest: (partnershipId: string, period: DigestPeriodKind) =>
    queryOptions({
      queryKey: preferencesKeys.digest(partnershipId, period),
      queryFn: () => preferencesApi.digest(partnershipId, period).then((r) => r.digest),
    }),
};
