import type { LandingPage } from "@entente/protocol";
import { useCallback, useEffect, useState } from "react";
import { landingPageApi } from "../api/landing-page-api";

/**
 * The member's landing page in a partnership (`null` while it is read). A failed read lands
 * on the charter, as for a member who never chose: the page must open either way.
 */
export function useLandingPage(partnershipId: string) {
  const [landing, setLanding] = useState<LandingPage | null>(null);

  useEffect(() => {
    let current = true;
    landingPageApi.get(partnershipId).then(
      ({ landingPage }) => {
        if (current) setLanding(landingPage);
      },
      () => {
        if (current) setLanding("charter");
      },
    );
    return () => {
      current = false;
    };
  }, [partnershipId]);

  const choose = useCallback(
    async (next: LandingPage) => {
      const { landingPage } = await landingPageApi.set(partnershipId, next);
      setLanding(landingPage);
    },
    [partnershipId],
  );

  return { landing, choose };
}
