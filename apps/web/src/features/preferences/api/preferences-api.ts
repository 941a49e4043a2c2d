import type { DigestPeriodKind } from "@entente/protocol";
import type { RequestBody, UpdatePreferencesBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

/**
 * The body of `PUT /api/me/notification-preferences`: only what changes is sent. `email` is
 * keyed by the kinds the server listed (a kind this build does not know yet included).
 */
export type PreferencesChange = RequestBody<typeof UpdatePreferencesBody>;

export const preferencesApi = {
  get: () => api.call("GET /api/me/notification-preferences"),

  update: (change: PreferencesChange) => api.call("PUT /api/me/notification-preferences", change),

  /** The digest the caller's organization would get now for this period. */
  digest: (partnershipId: string, period: DigestPeriodKind) =>
    api.call("GET /api/partnerships/:id/digest", { id: partnershipId }, { period }),
};
