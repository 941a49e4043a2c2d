import type { TrashEntryView } from "@entente/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { trashApi } from "../api/trash-api";

export interface TrashState {
  status: "loading" | "ready" | "error";
  entries: TrashEntryView[];
  error: ApiError | null;
  /** The entry being restored, while its request runs. */
  restoring: string | null;
  /** Why the last restore failed (409: what it belonged to is gone). */
  restoreError: { trashId: string; error: ApiError } | null;
}

const toApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught));

/** A partnership's trash, with a one-click restore that reloads the list. */
export function useTrash(partnershipId: string) {
  const [state, setState] = useState<TrashState>({
    status: "loading",
    entries: [],
    error: null,
    restoring: null,
    restoreError: null,
  });
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++generation.current;
    try {
      const { entries } = await trashApi.list(partnershipId);
      if (ticket !== generation.current) return;
      setState((s) => ({ ...s, status: "ready", entries, error: null }));
    } catch (caught) {
      if (ticket !== generation.current) return;
      setState((s) => ({ ...s, status: "error", error: toApiError(caught) }));
    }
  }, [partnershipId]);

  useEffect(() => {
    void refresh();
    return () => {
      generation.current += 1;
    };
  }, [refresh]);

  const restore = useCallback(
    async (trashId: string) => {
      setState((s) => ({ ...s, restoring: trashId, restoreError: null }));
      try {
        await trashApi.restore(partnershipId, trashId);
        setState((s) => ({ ...s, restoring: null }));
      } catch (caught) {
        setState((s) => ({
          ...s,
          restoring: null,
          restoreError: { trashId, error: toApiError(caught) },
        }));
      }
      await refresh();
    },
    [partnershipId, refresh],
  );

  return { state, refresh, restore };
}
