import { useEffect } from "react";
import type { LookView } from "../state/presence";

const FOLLOWED_CLASS = "is-followed";

/** The element of the board a view points at: a note or column by id, else its area. */
function target(view: LookView): Element | null {
  // Ids in a view were checked against `[A-Za-z0-9_-]` (parseView): safe in a selector.
  if (view.focusId) {
    const element = document.querySelector(`[data-focus-id="${view.focusId}"]`);
    if (element) return element;
  }
  // "Somewhere on the board" is where everyone already is: nothing to move to.
  if (view.area === "board") return null;
  return document.querySelector(`[data-workshop-area="${view.area}"]`);
}

/**
 * "Follow the facilitator": while `enabled`, every new view of the facilitator scrolls the
 * page to what they look at and marks it. The user's keyboard focus is left alone (they
 * may be typing a note).
 */
export function useFollow(view: LookView | null, enabled: boolean): void {
  const area = view?.area ?? null;
  const focusId = view?.focusId ?? null;
  useEffect(() => {
    if (!enabled || area === null) return;
    const element = target({ area, focusId });
    if (!element) return;
    element.classList.add(FOLLOWED_CLASS);
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element.scrollIntoView({ behavior: reduced ? "auto" : "smooth", block: "nearest" });
    return () => element.classList.remove(FOLLOWED_CLASS);
  }, [enabled, area, focusId]);
}
