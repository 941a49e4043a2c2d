import { useResource } from "../../../lib/use-resource";
import { partnershipsApi } from "../api/partnerships-api";

/** `GET /api/partnerships/:id`; non-members get a 404 (state "error", status 404). */
export function usePartnership(partnershipId: string) {
  return useResource(partnershipId, partnershipsApi.getPartnership);
}
