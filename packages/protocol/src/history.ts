/** Why a version of a rich-text document was kept. */
export type DocumentVersionKind = "endorsement" | "named" | "auto" | "before-restore" | "restore";

/** Someone who edited a document between two versions, as the server stamped the edits. */
export interface VersionAuthor {
  userId: string;
  organizationId: string | null;
}

/**
 * A kept version of a rich-text document (the charter, a meeting's notes, an organization's
 * private notes). People are shown its `number` and date, never an id or a hash.
 */
export interface DocumentVersionView {
  id: string;
  /** 1, 2, 3… per document. */
  number: number;
  createdAt: string;
  label: string | null;
  kind: DocumentVersionKind;
  /** Who edited since the previous version, in order of their first edit. */
  authors: VersionAuthor[];
  /** Organizations whose endorsement this version records. */
  endorsedBy: string[];
  /** The user who named, restored or endorsed; null for automatic versions. */
  createdBy: string | null;
  /** For a restore: the version it brought back. */
  restoredFrom: string | null;
}

/** `GET …/versions`: newest first. */
export interface DocumentVersionListResponse {
  versions: DocumentVersionView[];
}

/** `GET …/versions/:versionId`. */
export interface DocumentVersionResponse {
  version: DocumentVersionView;
  markdown: string;
}

/** `POST …/versions` and `POST …/versions/:versionId/restore` (201). */
export interface DocumentVersionCreatedResponse {
  version: DocumentVersionView;
}

export type VersionChange = "added" | "removed" | "same";

/**
 * A run of text in a comparison. `organizationId`: for added text, the organization of the
 * member who typed it; for removed text, the one organization that edited between the two
 * versions, null when several did (the server does not record who deleted what).
 */
export interface VersionSegment {
  text: string;
  change: VersionChange;
  organizationId: string | null;
}

/** A text block (paragraph, heading, list item, …) of a comparison. */
export interface VersionBlock {
  /** The block's node name ("paragraph", "heading"…). */
  type: string;
  /** "added"/"removed" when the whole block was. */
  change: VersionChange;
  segments: VersionSegment[];
}

/**
 * `GET …/versions/:a/compare/:b`: from the older of the two to the newer. `b` may be
 * `current`: the document as it stands now (then `to` is null).
 */
export interface VersionCompareResponse {
  from: DocumentVersionView;
  to: DocumentVersionView | null;
  blocks: VersionBlock[];
}
