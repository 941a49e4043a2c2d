/*
 * JSON answers of the version history of rich-text documents (the charter, an
 * organization's private notes, a meeting's notes): `…/versions` and below.
 */
import { z } from "zod";

/** Why a version of a rich-text document was kept. */
export const DocumentVersionKind = z.enum([
  "endorsement",
  "named",
  "auto",
  "before-restore",
  "restore",
]);
export type DocumentVersionKind = z.infer<typeof DocumentVersionKind>;

/** Someone who edited a document between two versions, as the server stamped the edits. */
export const VersionAuthor = z.strictObject({
  userId: z.string(),
  organizationId: z.string().nullable(),
});
export type VersionAuthor = z.infer<typeof VersionAuthor>;

/**
 * A kept version of a rich-text document (the charter, a meeting's notes, an organization's
 * private notes). People are shown its `number` and date, never an id or a hash.
 */
export const DocumentVersionView = z.strictObject({
  id: z.string(),
  /** 1, 2, 3… per document. */
  number: z.number(),
  createdAt: z.string(),
  label: z.string().nullable(),
  kind: DocumentVersionKind,
  /** Who edited since the previous version, in order of their first edit. */
  authors: z.array(VersionAuthor),
  /** Organizations whose endorsement this version records. */
  endorsedBy: z.array(z.string()),
  /** The user who named, restored or endorsed; null for automatic versions. */
  createdBy: z.string().nullable(),
  /** For a restore: the version it brought back. */
  restoredFrom: z.string().nullable(),
});
export type DocumentVersionView = z.infer<typeof DocumentVersionView>;

/** `GET …/versions`: newest first. */
export const DocumentVersionListResponse = z.strictObject({
  versions: z.array(DocumentVersionView),
});
export type DocumentVersionListResponse = z.infer<typeof DocumentVersionListResponse>;

/** `GET …/versions/:versionId`. */
export const DocumentVersionResponse = z.strictObject({
  version: DocumentVersionView,
  markdown: z.string(),
});
export type DocumentVersionResponse = z.infer<typeof DocumentVersionResponse>;

/** `POST …/versions` and `POST …/versions/:versionId/restore` (201). */
export const DocumentVersionCreatedResponse = z.strictObject({ version: DocumentVersionView });
export type DocumentVersionCreatedResponse = z.infer<typeof DocumentVersionCreatedResponse>;

export const VersionChange = z.enum(["added", "removed", "same"]);
export type VersionChange = z.infer<typeof VersionChange>;

/**
 * A run of text in a comparison. `organizationId`: for added text, the organization of the
 * member who typed it; for removed text, the one organization that edited between the two
 * versions, null when several did (the server does not record who deleted what).
 */
export const VersionSegment = z.strictObject({
  text: z.string(),
  change: VersionChange,
  organizationId: z.string().nullable(),
});
export type VersionSegment = z.infer<typeof VersionSegment>;

/** A text block (paragraph, heading, list item, …) of a comparison. */
export const VersionBlock = z.strictObject({
  /** The block's node name ("paragraph", "heading"…). */
  type: z.string(),
  /** "added"/"removed" when the whole block was. */
  change: VersionChange,
  segments: z.array(VersionSegment),
});
export type VersionBlock = z.infer<typeof VersionBlock>;

/**
 * `GET …/versions/:a/compare/:b`: from the older of the two to the newer. `b` may be
 * `current`: the document as it stands now (then `to` is null).
 */
export const VersionCompareResponse = z.strictObject({
  from: DocumentVersionView,
  to: DocumentVersionView.nullable(),
  blocks: z.array(VersionBlock),
});
export type VersionCompareResponse = z.infer<typeof VersionCompareResponse>;
