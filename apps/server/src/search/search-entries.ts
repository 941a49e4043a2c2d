import type { SearchKind } from "@entente/protocol";

/** One thing search can find, as the index stores it. */
export interface IndexedEntry {
  /** Unique over the whole index: the entry's kind and ids. */
  key: string;
  kind: SearchKind;
  partnershipId: string;
  /** The document the entry was read from; null for entries of SQL rows (posts, comments…). */
  documentName: string | null;
  /** The organization it belongs to (owner, author, profile), for display. */
  organizationId: string | null;
  /** Set when only that organization's members may find it (private notes). */
  visibleToOrganizationId: string | null;
  title: string;
  body: string;
  url: string;
}

/** Text longer than this is cut before indexing (PostgreSQL caps a tsvector at 1 MB). */
export const INDEXED_TEXT_MAX = 20_000;

export function partnershipPath(partnershipId: string): string {
  return `/p/${encodeURIComponent(partnershipId)}`;
}

/** `?name=value&…` with each value encoded. */
export function query(params: Record<string, string>): string {
  return `?${new URLSearchParams(params).toString()}`;
}
