import type { EntryChangeView, RecordedDocumentKind } from "@entente/protocol";
import { useEffect, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { recordsApi } from "../api/records-api";

export interface EntryHistoryState {
  status: "loading" | "ready" | "error";
  changes: EntryChangeView[];
  error: ApiError | null;
}

/** An entry's field history, read once when shown. */
export function useEntryHistory(
  partnershipId: string,
  documentKind: RecordedDocumentKind,
  entryId: string,
  organizationId: string | null,
): EntryHistoryState {
  const [state, setState] = useState<EntryHistoryState>({
    status: "loading",
    changes: [],
    error: null,
  });
  useEffect(() => {
    let current = true;
    recordsApi.list(partnershipId, documentKind, entryId, organizationId).then(
      ({ changes }) => {
        if (current) setState({ status: "ready", changes, error: null });
      },
      (caught: unknown) => {
        if (!current) return;
        const error =
          caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught));
        setState({ status: "error", changes: [], error });
      },
    );
    return () => {
      current = false;
    };
  }, [partnershipId, documentKind, entryId, organizationId]);
  return state;
}
