import type { EntryHistoryResponse, RecordedDocumentKind } from "@entente/protocol";
import { api } from "../../../lib/api-client";

export const historyApi = {
  /** An entry's changes, newest first; a profile's entries need the profile's organization. */
  list: (
    partnershipId: string,
    documentKind: RecordedDocumentKind,
    entryId: string,
    organizationId: string | null,
  ) => {
    const search = organizationId ? `?organizationId=${encodeURIComponent(organizationId)}` : "";
    return api.get<EntryHistoryResponse>(
      `/api/partnerships/${encodeURIComponent(partnershipId)}/history/${documentKind}/${encodeURIComponent(entryId)}${search}`,
    );
  },
};
