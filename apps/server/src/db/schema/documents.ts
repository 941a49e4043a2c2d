import type { Generated } from "kysely";
import type { Millis } from "./millis.js";

/**
 * Yjs documents as stored: the update log and its snapshots (sync/), kept versions and item
 * stamps (history/), what updates changed in entries and deleted entries kept (records/).
 */

export interface DocumentUpdatesTable {
  id: Generated<number>;
  document_name: string;
  /** Empty once compaction moved its content into the document's snapshot. */
  update: Uint8Array;
  /** Who sent it, stamped by the server; null for server-written content (seed). */
  user_id: string | null;
  organization_id: string | null;
  created_at: Millis;
}

/** The merge of a document's updates up to `last_update_id` (written by compaction). */
export interface DocumentSnapshotsTable {
  document_name: string;
  state: Uint8Array;
  last_update_id: number;
  updated_at: Millis;
}

/** What one applied update changed in one entry, as the server saw it (`records/`). */
export interface EntryChangesTable {
  id: string;
  partnership_id: string;
  document_name: string;
  /** JSON array: the entry's collection path from the document's root. */
  collection: string;
  entry_id: string;
  kind: "created" | "updated" | "deleted";
  /** JSON array of `{name, before, after}`, values bounded in size. */
  fields: string;
  user_id: string | null;
  organization_id: string | null;
  source: "client" | "server";
  at: Millis;
}

/** A deleted entry kept for 30 days (`records/entry-trash.ts`). */
export interface EntryTrashTable {
  id: string;
  partnership_id: string;
  document_name: string;
  /** JSON array: the entry's collection path from the document's root. */
  collection: string;
  entry_id: string;
  title: string;
  owner_organization_id: string | null;
  /** The entry as JSON (`Y.Map#toJSON()`), nested entries included. */
  entry: string;
  deleted_by_user_id: string | null;
  deleted_by_organization_id: string | null;
  deleted_at: Millis;
  expires_at: Millis;
  restored_by_user_id: string | null;
  restored_at: Millis | null;
}

/** Why a version of a rich-text document was kept. */
export type DocumentVersionKind = "endorsement" | "named" | "auto" | "before-restore" | "restore";

/** A kept version of a rich-text document (charter, meeting notes, private notes); never updated. */
export interface DocumentVersionsTable {
  id: string;
  partnership_id: string;
  document_name: string;
  /** 1, 2, 3… per document: what people are shown. */
  number: number;
  kind: DocumentVersionKind;
  label: string | null;
  /** `Y.encodeStateAsUpdate` of the document then. */
  state: Uint8Array;
  /** The newest `document_updates.id` the state includes. */
  last_update_id: number;
  /** JSON `[{userId, organizationId}]`: who edited since the previous version. */
  authors: string;
  /** JSON `[organizationId]`. */
  endorsed_by: string;
  /** The version a restore brought back. */
  restored_from: string | null;
  created_by: string | null;
  created_at: Millis;
}

/** The Yjs items `[clock_start, clock_end)` of `client_id` that update `update_id` carried. */
export interface DocumentItemStampsTable {
  document_name: string;
  update_id: number;
  client_id: number;
  clock_start: number;
  clock_end: number;
  user_id: string | null;
  organization_id: string | null;
}
