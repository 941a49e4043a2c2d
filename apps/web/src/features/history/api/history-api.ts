import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

/** A rich-text document that keeps versions, as the history routes name it. */
export type VersionedDocument =
  | { kind: "charter"; partnershipId: string }
  | { kind: "private"; partnershipId: string; organizationId: string }
  | { kind: "meeting"; meetingId: string };

/** Where the document's versions live in the API: the key of its cached list. */
export function versionsPath(document: VersionedDocument): string {
  if (document.kind === "meeting")
    return `/api/meetings/${segment(document.meetingId)}/notes/versions`;
  const base = `/api/partnerships/${segment(document.partnershipId)}`;
  return document.kind === "charter"
    ? `${base}/charter/versions`
    : `${base}/organizations/${segment(document.organizationId)}/private/versions`;
}

/** In a comparison, the document as it stands now. */
export const CURRENT_VERSION = "current";

/**
 * Version history of one rich-text document: the same five routes under each document's
 * `…/versions` (list, open one, name the current state, restore one, compare two).
 */
export function historyApi(document: VersionedDocument) {
  switch (document.kind) {
    case "charter": {
      const at = { id: document.partnershipId };
      return {
        list: () => api.call("GET /api/partnerships/:id/charter/versions", at),
        get: (versionId: string) =>
          api.call("GET /api/partnerships/:id/charter/versions/:versionId", { ...at, versionId }),
        name: (label: string) =>
          api.call("POST /api/partnerships/:id/charter/versions", at, { label }),
        restore: (versionId: string) =>
          api.call(
            "POST /api/partnerships/:id/charter/versions/:versionId/restore",
            { ...at, versionId },
            {},
          ),
        compare: (a: string, b: string) =>
          api.call("GET /api/partnerships/:id/charter/versions/:a/compare/:b", { ...at, a, b }),
      };
    }
    case "private": {
      const at = { id: document.partnershipId, organizationId: document.organizationId };
      return {
        list: () =>
          api.call("GET /api/partnerships/:id/organizations/:organizationId/private/versions", at),
        get: (versionId: string) =>
          api.call(
            "GET /api/partnerships/:id/organizations/:organizationId/private/versions/:versionId",
            { ...at, versionId },
          ),
        name: (label: string) =>
          api.call(
            "POST /api/partnerships/:id/organizations/:organizationId/private/versions",
            at,
            { label },
          ),
        restore: (versionId: string) =>
          api.call(
            "POST /api/partnerships/:id/organizations/:organizationId/private/versions/:versionId/restore",
            { ...at, versionId },
            {},
          ),
        compare: (a: string, b: string) =>
          api.call(
            "GET /api/partnerships/:id/organizations/:organizationId/private/versions/:a/compare/:b",
            { ...at, a, b },
          ),
      };
    }
    case "meeting": {
      const at = { meetingId: document.meetingId };
      return {
        list: () => api.call("GET /api/meetings/:meetingId/notes/versions", at),
        get: (versionId: string) =>
          api.call("GET /api/meetings/:meetingId/notes/versions/:versionId", { ...at, versionId }),
        name: (label: string) =>
          api.call("POST /api/meetings/:meetingId/notes/versions", at, { label }),
        restore: (versionId: string) =>
          api.call(
            "POST /api/meetings/:meetingId/notes/versions/:versionId/restore",
            { ...at, versionId },
            {},
          ),
        compare: (a: string, b: string) =>
          api.call("GET /api/meetings/:meetingId/notes/versions/:a/compare/:b", { ...at, a, b }),
      };
    }
  }
}
