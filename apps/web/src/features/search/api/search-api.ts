import { api } from "../../../lib/api-client";

/** One hit of `GET /api/search` (docs/API.md, search). */
export interface SearchResult {
  /** charter, objective, action, kpi, issue, decision, contribution, constraint, post, … */
  kind: string;
  partnershipId: string;
  title: string;
  /** HTML-escaped text with the matched words in `<mark>…</mark>` (see `parseSnippet`). */
  snippet: string;
  /** The web app's address that opens the item. */
  url: string;
  /** The organization the item belongs to, when it belongs to one. */
  organizationId?: string | null;
}

export interface SearchResponse {
  results: SearchResult[];
}

/** Searches what the caller may read, in one partnership or in all of theirs. */
export function searchEverything(
  q: string,
  partnershipId: string | null,
): Promise<SearchResponse> {
  const params = new URLSearchParams({ q });
  if (partnershipId) params.set("partnershipId", partnershipId);
  return api.get<SearchResponse>(`/api/search?${params.toString()}`);
}
