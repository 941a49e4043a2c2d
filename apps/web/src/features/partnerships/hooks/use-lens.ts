import { useCallback } from "react";
import { useLocation, useNavigate } from "@tanstack/react-router";
import { usePartnershipContext } from "../state/partnership-context";
import { inLens, parseLens, withLensParam, type Lens } from "../state/lens";

/**
 * The lens of the partnership page, kept in the URL (`?lens=ours`) so a link or a reload
 * shows the same view. `shows(ids)` filters an item by the organizations that own it.
 */
export function useLens() {
  const location = useLocation();
  const navigate = useNavigate();
  const { me } = usePartnershipContext();
  const lens = parseLens(new URLSearchParams(location.searchStr).get("lens"));

  const setLens = useCallback(
    (next: Lens) =>
      void navigate({
        href: `${location.pathname}${withLensParam(location.searchStr, next)}`,
        replace: true,
        resetScroll: false,
      }),
    [navigate, location.pathname, location.searchStr],
  );

  const shows = useCallback(
    (organizationIds: string | readonly string[]) =>
      inLens(
        lens,
        me.organizationId,
        typeof organizationIds === "string" ? [organizationIds] : organizationIds,
      ),
    [lens, me.organizationId],
  );

  return { lens, setLens, shows };
}
