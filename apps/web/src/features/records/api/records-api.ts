import type {
  DeletedObjectivesResponse,
  EntryHistoryResponse,
  RecordedDocumentKind,
} from "@entente/protocol";
import { api } from "../../../lib/api-client";

export const recordsApi = {
  /** The titles deleted objectives had, for references that outlived them. */
  deletedObjectives: (partnershipId: string) =>
    api.get<DeletedObjectivesResponse>(
      `/api/partnerships/${encodeURIComponent(partnershipId)}/deleted-objectives`,
    ),
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
