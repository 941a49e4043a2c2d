/*
 * JSON answers of the server's records of what happened to the entries of structured
 * documents (objectives, issues, decisions, organization profiles): field history and the
 * trash.
 */
import { z } from "zod";

/** The structured documents whose entries have a history and a trash. */
export const RecordedDocumentKind = z.enum(["objectives", "issues", "decisions", "profile"]);
export type RecordedDocumentKind = z.infer<typeof RecordedDocumentKind>;

const recordedActorFields = {
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
};

/** Who did something, as the server authenticated them; names are null when unknown. */
export const RecordedActor = z.strictObject(recordedActorFields);
export type RecordedActor = z.infer<typeof RecordedActor>;

/** One field of an entry as it was before and after a change (JSON values, bounded). */
export const FieldChangeView = z.strictObject({
  name: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldChangeView = z.infer<typeof FieldChangeView>;

/** One change of an entry: created, fields updated, deleted (or restored, as created). */
export const EntryChangeView = z.strictObject({
  ...recordedActorFields,
  at: z.string(),
  kind: z.enum(["created", "updated", "deleted"]),
  fields: z.array(FieldChangeView),
});
export type EntryChangeView = z.infer<typeof EntryChangeView>;

/**
 * `GET /api/partnerships/:id/history/:documentKind/:entryId` (profile:
 * `?organizationId=`): newest first.
 */
export const EntryHistoryResponse = z.strictObject({ changes: z.array(EntryChangeView) });
export type EntryHistoryResponse = z.infer<typeof EntryHistoryResponse>;

/** A deleted entry, kept until `expiresAt`. */
export const TrashEntryView = z.strictObject({
  id: z.string(),
  documentKind: RecordedDocumentKind,
  /** For a profile's entries: the profile's organization; null otherwise. */
  documentOrganizationId: z.string().nullable(),
  entryId: z.string(),
  /** Where it lived: `["objectives", objectiveId, "actions"]` for an action. */
  collection: z.array(z.string()),
  title: z.string(),
  ownerOrganizationId: z.string().nullable(),
  deletedBy: RecordedActor,
  deletedAt: z.string(),
  expiresAt: z.string(),
});
export type TrashEntryView = z.infer<typeof TrashEntryView>;

/** `GET /api/partnerships/:id/trash`: newest first. */
export const TrashResponse = z.strictObject({ entries: z.array(TrashEntryView) });
export type TrashResponse = z.infer<typeof TrashResponse>;

/** `POST /api/partnerships/:id/trash/:trashId/restore` (201). */
export const RestoreResponse = z.strictObject({
  entryId: z.string(),
  documentKind: RecordedDocumentKind,
});
export type RestoreResponse = z.infer<typeof RestoreResponse>;

/**
 * `GET /api/partnerships/:id/deleted-objectives`: the titles deleted objectives had (the
 * latest deletion's), for references that outlived them.
 */
export const DeletedObjectivesResponse = z.strictObject({
  objectives: z.array(z.strictObject({ id: z.string(), title: z.string() })),
});
export type DeletedObjectivesResponse = z.infer<typeof DeletedObjectivesResponse>;
