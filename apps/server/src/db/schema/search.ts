import type { Generated } from "kysely";

/**
 * The search index (search/): findable rows and how far each document was read.
 */

/** What search finds (`search/`): one row per findable thing, rewritten as its source changes. */
export interface SearchEntriesTable {
  id: Generated<number>;
  /** Unique: the entry's kind and ids (`search/search-entries.ts`). */
  entry_key: string;
  /** A document name, or `rows:<pid>` for a partnership's SQL rows: what is reindexed together. */
  source: string;
  partnership_id: string;
  document_name: string | null;
  organization_id: string | null;
  /** Only that organization's members may find it (private notes); null: every member. */
  visible_to_organization_id: string | null;
  kind: string;
  title: string;
  body: string;
  url: string;
  /** SHA-256 of everything above: an unchanged entry is not rewritten. */
  content_hash: string;
}

/** The last stored update of each document that search has read. */
export interface SearchDocumentsTable {
  document_name: string;
  last_update_id: number;
}
