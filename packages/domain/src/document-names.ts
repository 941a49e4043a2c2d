/**
 * Names of the Yjs documents of a partnership. A name is also the sync path:
 * `/sync/<name>`. Ids are opaque url-safe strings without `/`.
 */
export type DocumentRef =
  | { kind: "charter" | "objectives" | "issues" | "decisions"; partnershipId: string }
  | { kind: "profile" | "private"; partnershipId: string; organizationId: string }
  | { kind: "meeting"; partnershipId: string; meetingId: string };

export type DocumentKind = DocumentRef["kind"];

const SHARED_KINDS = ["charter", "objectives", "issues", "decisions"] as const;
const ORGANIZATION_KINDS = ["profile", "private"] as const;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function isId(value: string | undefined): value is string {
  return value !== undefined && ID_PATTERN.test(value);
}

export function formatDocumentName(ref: DocumentRef): string {
  switch (ref.kind) {
    case "profile":
    case "private":
      return `${ref.partnershipId}/org/${ref.organizationId}/${ref.kind}`;
    case "meeting":
      return `${ref.partnershipId}/meeting/${ref.meetingId}`;
    default:
      return `${ref.partnershipId}/${ref.kind}`;
  }
}

/** Parses a document name; `null` for anything that is not one. */
export function parseDocumentName(name: string): DocumentRef | null {
  const parts = name.split("/");
  const [partnershipId, second, third, fourth] = parts;
  if (!isId(partnershipId)) return null;
  if (parts.length === 2) {
    const kind = SHARED_KINDS.find((k) => k === second);
    return kind ? { kind, partnershipId } : null;
  }
  if (parts.length === 3 && second === "meeting" && isId(third)) {
    return { kind: "meeting", partnershipId, meetingId: third };
  }
  if (parts.length === 4 && second === "org" && isId(third)) {
    const kind = ORGANIZATION_KINDS.find((k) => k === fourth);
    return kind ? { kind, partnershipId, organizationId: third } : null;
  }
  return null;
}

/** The documents every partnership has, given its organizations. */
export function partnershipDocuments(
  partnershipId: string,
  organizationIds: readonly string[],
): DocumentRef[] {
  return [
    ...SHARED_KINDS.map((kind) => ({ kind, partnershipId })),
    ...organizationIds.flatMap((organizationId) =>
      ORGANIZATION_KINDS.map((kind) => ({ kind, partnershipId, organizationId })),
    ),
  ];
}
