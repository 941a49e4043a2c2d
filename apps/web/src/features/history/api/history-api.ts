import type {
  DocumentVersionCreatedResponse,
  DocumentVersionListResponse,
  DocumentVersionResponse,
  VersionCompareResponse,
} from "@entente/protocol";
import type { NameVersionBody, RequestBody, RestoreVersionBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

/** A rich-text document that keeps versions, as the history routes name it. */
export type VersionedDocument =
  | { kind: "charter"; partnershipId: string }
  | { kind: "private"; partnershipId: string; organizationId: string }
  | { kind: "meeting"; meetingId: string };

/** Where the document's versions live in the API. */
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

/** Version history of one rich-text document (`versionsPath`). */
export const historyApi = {
  list: (path: string) => api.get<DocumentVersionListResponse>(path),
  get: (path: string, versionId: string) =>
    api.get<DocumentVersionResponse>(`${path}/${segment(versionId)}`),
  name: (path: string, label: string) =>
    api.post<DocumentVersionCreatedResponse>(path, {
      label,
    } satisfies RequestBody<typeof NameVersionBody>),
  restore: (path: string, versionId: string) =>
    api.post<DocumentVersionCreatedResponse>(
      `${path}/${segment(versionId)}/restore`,
      {} satisfies RequestBody<typeof RestoreVersionBody>,
    ),
  compare: (path: string, a: string, b: string) =>
    api.get<VersionCompareResponse>(`${path}/${segment(a)}/compare/${segment(b)}`),
};
