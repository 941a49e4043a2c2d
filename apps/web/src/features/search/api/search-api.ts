import type { SearchResponse } from "@entente/protocol";
import { api } from "../../../lib/api-client";

/** Searches what the caller may read (`GET /api/search`), in one partnership or in all of theirs. */
export function searchEverything(q: string, partnershipId: string | null): Promise<SearchResponse> {
  return api.call("GET /api/search", { q, partnershipId: partnershipId || undefined });
}
