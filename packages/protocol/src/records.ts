/**
 * The server's records of what happened to the entries of structured documents (objectives,
 * issues, decisions, organization profiles): field history and the trash.
 */

/** The structured documents whose entries have a history and a trash. */
export type RecordedDocumentKind = "objectives" | "issues" | "decisions" | "profile";

/** Who did something, as the server authenticated them; names are null when unknown. */
export interface RecordedActor {
  userId: string | null;
  userName: string | null;
  organizationId: string | null;
  organizationName: string | null;
}

/** One field of an entry as it was before and after a change (JSON values, bounded). */
export interface FieldChangeView {
  name: string;
  before: unknown;
  after: unknown;
}

/** One change of an entry: created, fields updated, deleted (or restored, as created). */
export interface EntryChangeView extends RecordedActor {
  at: string;
  kind: "created" | "updated" | "deleted";
  fields: FieldChangeView[];
}

/**
 * `GET /api/partnerships/:id/history/:documentKind/:entryId` (profile:
 * `?organizationId=`): newest first.
 */
export interface EntryHistoryResponse {
  changes: EntryChangeView[];
}

/** A deleted entry, kept until `expiresAt`. */
export interface TrashEntryView {
  id: string;
  documentKind: RecordedDocumentKind;
  /** For a profile's entries: the profile's organization; null otherwise. */
  documentOrganizationId: string | null;
  entryId: string;
  /** Where it lived: `["objectives", objectiveId, "actions"]` for an action. */
  collection: string[];
  title: string;
  ownerOrganizationId: string | null;
  deletedBy: RecordedActor;
  deletedAt: string;
  expiresAt: string;
}

/** `GET /api/partnerships/:id/trash`: newest first. */
export interface TrashResponse {
  entries: TrashEntryView[];
}

/** `POST /api/partnerships/:id/trash/:trashId/restore` (201). */
export interface RestoreResponse {
  entryId: string;
  documentKind: RecordedDocumentKind;
}

/**
 * `GET /api/partnerships/:id/deleted-objectives`: the titles deleted objectives had (the
 * latest deletion's), for references that outlived them.
 */
export interface DeletedObjectivesResponse {
  objectives: { id: string; title: string }[];
}
