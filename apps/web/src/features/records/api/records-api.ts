import type { RecordedDocumentKind } from "@entente/protocol";
import { api } from "../../../lib/api-client";

export const recordsApi = {
  /** The titles deleted objectives had, for references that outlived them. */
  deletedObjectives: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/deleted-objectives", { id: partnershipId }),
  /** An entry's changes, newest first; a profile's entries need the profile's organization. */
  list: (
    partnershipId: string,
    documentKind: RecordedDocumentKind,
    entryId: string,
    organizationId: string | null,
  ) =>
    api.call(
      "GET /api/partnerships/:id/history/:documentKind/:entryId",
      { id: partnershipId, documentKind, entryId },
      // As before: no query string at all without an organization.
      { organizationId: organizationId || undefined },
    ),
};
