import type { ActivityEntry } from "@entente/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { activityApi } from "../api/activity-api";
import { appendPage } from "../state/activity-days";

export interface ActivityState {
  status: "loading" | "ready" | "error";
  /** The filter the entries were read for (undefined before the first answer). */
  organizationId?: string | null;
  entries: ActivityEntry[];
  nextCursor: string | null;
  /** The last request's failure (the first page, or an older one). */
  error: ApiError | null;
  loadingMore: boolean;
}

const INITIAL: ActivityState = {
  status: "loading",
  entries: [],
  nextCursor: null,
  error: null,
  loadingMore: false,
};

const toApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught));

/**
 * A partnership's activity, newest first, for one organization or all (`null`): the first
 * page when the filter changes or on `refresh()`, older pages with `loadMore()`.
 */
export function useActivity(partnershipId: string, organizationId: string | null) {
  const [state, setState] = useState<ActivityState>(INITIAL);
  // Answers for an older filter or an earlier refresh are dropped.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++generation.current;
    setState((current) => ({ ...current, status: "loading", error: null }));
    try {
      const page = await activityApi.list(partnershipId, { organizationId, before: null });
      if (ticket !== generation.current) return;
      setState({
        ...INITIAL,
        status: "ready",
        organizationId,
        entries: page.entries,
        nextCursor: page.nextCursor,
      });
    } catch (caught) {
      if (ticket !== generation.current) return;
      setState({ ...INITIAL, status: "error", organizationId, error: toApiError(caught) });
    }
  }, [partnershipId, organizationId]);

  useEffect(() => {
    // Another filter: the entries of the previous one must not stand under it.
    setState(INITIAL);
    void refresh();
    return () => {
      generation.current += 1;
    };
  }, [refresh]);

  const loadMore = useCallback(async () => {
    const before = state.nextCursor;
    if (!before || state.loadingMore) return;
    const ticket = generation.current;
    setState((current) => ({ ...current, loadingMore: true, error: null }));
    try {
      const page = await activityApi.list(partnershipId, { organizationId, before });
      if (ticket !== generation.current) return;
      setState((current) => ({
        ...current,
        entries: appendPage(current.entries, page.entries),
        nextCursor: page.nextCursor,
        loadingMore: false,
      }));
    } catch (caught) {
      if (ticket !== generation.current) return;
      setState((current) => ({ ...current, loadingMore: false, error: toApiError(caught) }));
    }
  }, [partnershipId, organizationId, state.nextCursor, state.loadingMore]);

  // Until the effect above resets it, the state is the previous filter's: never show that.
  const current = state.organizationId === organizationId ? state : INITIAL;
  return { state: current, refresh, loadMore };
}
