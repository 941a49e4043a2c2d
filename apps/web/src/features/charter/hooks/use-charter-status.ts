import type { CharterStatus, CharterStatusEndorsement } from "@entente/protocol";
import { useCallback, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { usePartnershipContext } from "../../partnerships";
import { charterApi } from "../api/charter-api";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { charterKeys, charterQueries } from "../api/charter-queries";

export type EndorseError = "moved_on" | ApiError;

/** One organization's standing on the charter: its latest endorsement, if any. */
export interface OrganizationEndorsement {
  organizationId: string;
  endorsement: CharterStatusEndorsement | null;
}

/** The latest endorsement of each organization, in the partnership's order. */
export function endorsementsByOrganization(
  organizationIds: readonly string[],
  status: CharterStatus | null,
): OrganizationEndorsement[] {
  return organizationIds.map((organizationId) => {
    let latest: CharterStatusEndorsement | null = null;
    for (const e of status?.endorsements ?? []) {
      if (e.organizationId !== organizationId) continue;
      if (!latest || e.endorsedAt > latest.endorsedAt) latest = e;
    }
    return { organizationId, endorsement: latest };
  });
}

/**
 * The charter's ratification, polled so the partner's endorsements show up, and `endorse`
 * for the current version (refreshed after, whatever the answer).
 */
export function useCharterStatus() {
  const { partnershipId } = usePartnershipContext();
  const query = useQuery(charterQueries.status(partnershipId));
  const queryClient = useQueryClient();
  const data = query.data ?? null;
  const error = query.error;
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: charterKeys.status(partnershipId) }),
    [queryClient, partnershipId],
  );
  const [pending, setPending] = useState(false);
  const [endorseError, setEndorseError] = useState<EndorseError | null>(null);
  const status = data?.status ?? null;

  const endorse = useCallback(async () => {
    if (!status) return;
    setPending(true);
    setEndorseError(null);
    try {
      await charterApi.endorse(partnershipId, status.version);
    } catch (caught) {
      setEndorseError(
        caught instanceof ApiError && caught.status === 409
          ? "moved_on"
          : caught instanceof ApiError
            ? caught
            : new ApiError(0, "internal", String(caught)),
      );
    } finally {
      setPending(false);
      await refresh();
    }
  }, [partnershipId, status, refresh]);

  return { status, loadError: error, endorse, pending, endorseError };
}
