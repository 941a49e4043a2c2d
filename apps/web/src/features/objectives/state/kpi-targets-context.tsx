import type { KpiTargetsView } from "@entente/protocol";
import { createContext, useCallback, useMemo, useState, type ReactNode } from "react";
import { useRequiredContext } from "../../../lib/required-context";
import { ApiError } from "../../../lib/api-client";
import { usePartnershipContext } from "../../partnerships";
import { kpiTargetsApi } from "../api/kpi-targets-api";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { kpiTargetsKeys, kpiTargetsQueries } from "../api/kpi-targets-queries";

export interface KpiTargets {
  /** The server's view of a KPI's target; `null` until loaded (or for a KPI it cannot read). */
  viewOf: (kpiId: string) => KpiTargetsView | null;
  /** Resolves `true` when the server took it (applied or waiting for the partner). */
  propose: (kpiId: string, target: number, note: string | undefined) => Promise<boolean>;
  agree: (kpiId: string, proposalId: string) => Promise<boolean>;
  withdraw: (kpiId: string, proposalId: string) => Promise<boolean>;
  /** The KPI whose request is under way. */
  busy: string | null;
  errorOf: (kpiId: string) => ApiError | null;
  clearError: (kpiId: string) => void;
}

const KpiTargetsContext = createContext<KpiTargets | null>(null);

/**
 * One poll of `GET …/kpis/targets` for the whole objectives section (the partner's
 * proposals and agreements live on the server, not in the document), and the calls that
 * change targets. The agreed target itself arrives live in the objectives document.
 */
export function KpiTargetsProvider({ children }: { children: ReactNode }) {
  const { partnershipId } = usePartnershipContext();
  const query = useQuery(kpiTargetsQueries.list(partnershipId));
  const queryClient = useQueryClient();
  const data = query.data ?? null;
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: kpiTargetsKeys.list(partnershipId) }),
    [queryClient, partnershipId],
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Readonly<Record<string, ApiError>>>({});

  const clearError = useCallback(
    (kpiId: string) => setErrors(({ [kpiId]: _old, ...rest }) => rest),
    [],
  );

  const call = useCallback(
    async (kpiId: string, request: () => Promise<unknown>) => {
      setBusy(kpiId);
      clearError(kpiId);
      try {
        await request();
        return true;
      } catch (caught) {
        const apiError =
          caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught));
        setErrors((current) => ({ ...current, [kpiId]: apiError }));
        return false;
      } finally {
        setBusy(null);
        await refresh();
      }
    },
    [clearError, refresh],
  );

  const value = useMemo<KpiTargets>(
    () => ({
      viewOf: (kpiId) => data?.kpis[kpiId] ?? null,
      propose: (kpiId, target, note) =>
        call(kpiId, () => kpiTargetsApi.propose(partnershipId, kpiId, target, note)),
      agree: (kpiId, proposalId) =>
        call(kpiId, () => kpiTargetsApi.agree(partnershipId, kpiId, proposalId)),
      withdraw: (kpiId, proposalId) =>
        call(kpiId, () => kpiTargetsApi.withdraw(partnershipId, kpiId, proposalId)),
      busy,
      errorOf: (kpiId) => errors[kpiId] ?? null,
      clearError,
    }),
    [data, call, partnershipId, busy, errors, clearError],
  );
  return <KpiTargetsContext.Provider value={value}>{children}</KpiTargetsContext.Provider>;
}

/** The KPI targets of the partnership; only inside `KpiTargetsProvider`. */
export function useKpiTargets(): KpiTargets {
  return useRequiredContext(KpiTargetsContext, "useKpiTargets", "KpiTargetsProvider");
}
