import type { CharterStatusResponse, EndorseCharterResponse } from "@entente/protocol";
import type { EndorseCharterBody, RequestBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

/** The charter's endorsements, as the server stamps them. */
export const charterApi = {
  status: (partnershipId: string) =>
    api.get<CharterStatusResponse>(`/api/partnerships/${segment(partnershipId)}/charter/status`),

  /** Endorses `version` for the user's organization: a 409 if the charter moved on meanwhile. */
  endorse: (partnershipId: string, version: string) =>
    api.post<EndorseCharterResponse>(
      `/api/partnerships/${segment(partnershipId)}/charter/endorsements`,
      { version } satisfies RequestBody<typeof EndorseCharterBody>,
    ),
};
