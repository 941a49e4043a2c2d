/*
 * JSON answers of `GET /api/search`: what the command palette finds. The server decides what
 * a caller may find (the sync endpoint's access rules); the client only shows it.
 */
import { z } from "zod";
import { SEARCH_KINDS } from "../../search.js";

export const SearchResult = z.strictObject({
  kind: z.enum(SEARCH_KINDS),
  partnershipId: z.string(),
  /** The item's own title (a post's, an objective's…); for a charter passage, the section heading above it. */
  title: z.string(),
  /** Plain text around the match, HTML-escaped, matched words between `SEARCH_MARK_OPEN`/`CLOSE`. */
  snippet: z.string(),
  /** The path (no origin) in the web app that opens the item. */
  url: z.string(),
  /** The organization the item belongs to (its owner, author or profile), when it has one. */
  organizationName: z.string().nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResponse = z.strictObject({ results: z.array(SearchResult) });
export type SearchResponse = z.infer<typeof SearchResponse>;
