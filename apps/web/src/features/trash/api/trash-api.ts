import type { RestoreResponse, TrashResponse } from "@entente/protocol";
import { api } from "../../../lib/api-client";

const base = (partnershipId: string) => `/api/partnerships/${encodeURIComponent(partnershipId)}`;

export const trashApi = {
  /** What the caller may see of the partnership's trash, newest first. */
  list: (partnershipId: string) => api.get<TrashResponse>(`${base(partnershipId)}/trash`),
  /** Writes the entry back under its own id, as the caller's edit. */
  restore: (partnershipId: string, trashId: string) =>
    api.post<RestoreResponse>(
      `${base(partnershipId)}/trash/${encodeURIComponent(trashId)}/restore`,
    ),
};
