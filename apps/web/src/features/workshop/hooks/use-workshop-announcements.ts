import type { WorkshopPhase } from "@entente/protocol";
import { useEffect, useRef } from "react";
import { useT } from "../../../i18n";
import { useAnnounce } from "../../../ui/announcer";

/**
 * Reads out, through the page's live region, the facilitator moving the workshop to another
 * phase (the reveal of every note, or a new private round); the facilitator, who did it, is
 * told nothing.
 */
export function useWorkshopAnnouncements(phase: WorkshopPhase, isFacilitator: boolean): void {
  const t = useT();
  const announce = useAnnounce();
  const shown = useRef(phase);
  useEffect(() => {
    if (shown.current === phase) return;
    shown.current = phase;
    if (isFacilitator) return;
    announce(
      phase === "revealed"
        ? t("a11y.announce.workshopRevealed")
        : t("a11y.announce.workshopPhase", { phase: t("workshop.phase.private") }),
    );
  }, [phase, isFacilitator, announce, t]);
}
