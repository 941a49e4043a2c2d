import { useEffect } from "react";
import { useRouter } from "../../../lib/router";
import { findLinkedElement, linkedTarget } from "../state/linked-target";

/** How long a link waits for its target to be rendered (live documents sync, lists load). */
const WAIT_MS = 15_000;
/** How long the target stays highlighted once it is in view. */
const HIGHLIGHT_MS = 4_000;

/**
 * Brings what the address links to (`linkedTarget`) into view once the page shows it, and
 * highlights it for a moment (`data-linked`, styled in CSS). Gives up quietly if it never
 * appears (deleted since, or hidden by the lens).
 */
export function useLinkedTarget(): void {
  const { location } = useRouter();
  const { pathname, search } = location;

  useEffect(() => {
    const target = linkedTarget(search);
    if (!target) return;
    const shown: { element: HTMLElement | null } = { element: null };
    let clearTimer = 0;

    const reveal = (): boolean => {
      const element = findLinkedElement(document, target);
      if (!element) return false;
      element.scrollIntoView({ block: "center" });
      element.setAttribute("data-linked", "true");
      shown.element = element;
      clearTimer = window.setTimeout(() => element.removeAttribute("data-linked"), HIGHLIGHT_MS);
      return true;
    };

    let observer: MutationObserver | null = null;
    let giveUp = 0;
    const stop = () => {
      observer?.disconnect();
      window.clearTimeout(giveUp);
    };
    if (!reveal()) {
      observer = new MutationObserver(() => {
        if (reveal()) stop();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      giveUp = window.setTimeout(stop, WAIT_MS);
    }
    return () => {
      stop();
      window.clearTimeout(clearTimer);
      shown.element?.removeAttribute("data-linked");
    };
  }, [pathname, search]);
}
