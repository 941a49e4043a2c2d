import { api } from "../../../lib/api-client";

/** The charter's endorsements, as the server stamps them. */
export const charterApi = {
  status: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/charter/status", { id: partnershipId }),

  /** Endorses `version` for the user's organization: a 409 if the charter moved on meanwhile. */
  endorse: (partnershipId: string, version: string) =>
    api.call("POST /api/partnerships/:id/charter/endorsements", { id: partnershipId }, { version }),
};
