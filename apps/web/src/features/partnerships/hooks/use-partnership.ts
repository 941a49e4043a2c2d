import type { PartnershipResponse } from "@entente/protocol";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { partnershipsApi } from "../api/partnerships-api";

export type PartnershipState =
  | { status: "loading" }
  | { status: "not-found" }
  | { status: "error"; error: ApiError }
  | { status: "ready"; data: PartnershipResponse };

/** Loads `GET /api/partnerships/:id`; a 404 (also what non-members get) is its own state. */
export function usePartnership(partnershipId: string) {
  const [state, setState] = useState<PartnershipState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: "loading" });
    partnershipsApi.getPartnership(partnershipId).then(
      (data) => {
        if (!cancelled) setState({ status: "ready", data });
      },
      (error: unknown) => {
        if (cancelled) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, "internal", String(error));
        setState(apiError.status === 404 ? { status: "not-found" } : { status: "error", error: apiError });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [partnershipId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
