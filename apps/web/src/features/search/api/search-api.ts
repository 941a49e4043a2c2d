import type { SearchResponse } from "@entente/protocol";
import { api } from "../../../lib/api-client";

/** Searches what the caller may read (`GET /api/search`), in one partnership or in all of theirs. */
export function searchEverything(q: string, partnershipId: string | null): Promise<SearchResponse> {
  const params = new URLSearchParams({ q });
  if (partnershipId) params.set("partnershipId", partnershipId);
  return api.get<SearchResponse>(`/api/search?${params.toString()}`);
}
