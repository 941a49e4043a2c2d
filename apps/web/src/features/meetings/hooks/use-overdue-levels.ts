import type { GovernanceLevel } from "@entente/domain";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { meetingsApi } from "../api/meetings-api";
import { overdueLevels } from "../state/meetings-state";
import { rhythmStore } from "../state/rhythm-store";

/** Overdue is a matter of days: a minute is plenty, besides what the meetings pages publish. */
const POLL_MS = 60_000;

/**
 * The governance levels of a partnership whose meeting is overdue, for the page's tabs:
 * read now, then every minute while the tab is visible, and whenever the meetings pages
 * read the rhythm or ask for it again.
 */
export function useOverdueLevels(partnershipId: string): GovernanceLevel[] {
  useEffect(() => {
    let disposed = false;
    const load = () => {
      meetingsApi.rhythm(partnershipId).then(
        ({ rhythm }) => {
          if (!disposed) rhythmStore.publish(partnershipId, rhythm);
        },
        // A badge is not worth an error message: the meetings tab says what failed.
        () => undefined,
      );
    };
    load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") load();
    }, POLL_MS);
    const stop = rhythmStore.onRefreshRequest(partnershipId, load);
    return () => {
      disposed = true;
      window.clearInterval(timer);
      stop();
    };
  }, [partnershipId]);

  const rhythm = useSyncExternalStore(rhythmStore.subscribe, () => rhythmStore.get(partnershipId));
  return useMemo(() => overdueLevels(rhythm), [rhythm]);
}
