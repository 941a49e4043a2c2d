import { api } from "../../../lib/api-client";

export const trashApi = {
  /** What the caller may see of the partnership's trash, newest first. */
  list: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/trash", { id: partnershipId }),
  /** Writes the entry back under its own id, as the caller's edit. */
  restore: (partnershipId: string, trashId: string) =>
    api.call("POST /api/partnerships/:id/trash/:trashId/restore", { id: partnershipId, trashId }),
};
