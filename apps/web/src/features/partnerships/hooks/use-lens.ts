import { useCallback } from "react";
import { useRouter } from "../../../lib/router";
import { usePartnershipContext } from "../state/partnership-context";
import { inLens, parseLens, withLensParam, type Lens } from "../state/lens";

/**
 * The lens of the partnership page, kept in the URL (`?lens=ours`) so a link or a reload
 * shows the same view. `shows(ids)` filters an item by the organizations that own it.
 */
export function useLens() {
  const { location, navigate } = useRouter();
  const { me } = usePartnershipContext();
  const lens = parseLens(new URLSearchParams(location.search).get("lens"));

  const setLens = useCallback(
    (next: Lens) =>
      navigate(`${location.pathname}${withLensParam(location.search, next)}`, {
        replace: true,
        keepScroll: true,
      }),
    [navigate, location.pathname, location.search],
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
