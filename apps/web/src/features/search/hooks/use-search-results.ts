import { useEffect, useState } from "react";
import type { ApiError } from "../../../lib/api-client";
import type { SearchResult } from "@entente/protocol";
import { searchEverything } from "../api/search-api";

/** Typing settles this long before the server is asked. */
export const SEARCH_DEBOUNCE_MS = 200;
/** Shorter queries only filter the commands. */
export const MIN_QUERY_LENGTH = 2;

export type SearchState =
  | { status: "idle" }
  | { status: "loading"; results: SearchResult[] }
  | { status: "ready"; results: SearchResult[] }
  | { status: "error"; error: ApiError };

/**
 * The server's results for `query`, asked once typing settles; an answer to a query the user
 * has since changed is dropped, so results never flash back to an older search. `attempt`
 * asks again (the "try again" of the error state).
 */
export function useSearchResults(
  query: string,
  partnershipId: string | null,
  attempt: number,
): SearchState {
  const [state, setState] = useState<SearchState>({ status: "idle" });
  const q = query.trim();

  useEffect(() => {
    if (q.length < MIN_QUERY_LENGTH) {
      setState({ status: "idle" });
      return;
    }
    let current = true;
    // The previous results stay on screen while the next ones load.
    setState((previous) => ({
      status: "loading",
      results: previous.status === "ready" || previous.status === "loading" ? previous.results : [],
    }));
    const timer = window.setTimeout(() => {
      searchEverything(q, partnershipId).then(
        (response) => {
          if (current) setState({ status: "ready", results: response.results });
        },
        (error: ApiError) => {
          if (current) setState({ status: "error", error });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [q, partnershipId, attempt]);

  return state;
}
