import { useEffect } from "react";
import { useLocation } from "@tanstack/react-router";
import { findLinkedElement, linkedTarget } from "../state/linked-target";

/** How long a link waits for its target to be rendered (live documents sync, lists load). */
const WAIT_MS = 15_000;
/** The CSS highlight (`::highlight(linked-passage)`) of a passage the address points at. */
const PASSAGE_HIGHLIGHT = "linked-passage";

/**
 * Brings what the address links to (`linkedTarget`) into view once the page shows it, and
 * marks it until the user's next key or click. An item is marked with `data-linked`; a passage
 * of a live text with a CSS highlight over its text, because ProseMirror re-renders a node
 * whose attributes someone else changed. Gives up quietly if the target never appears
 * (deleted since, or hidden by the lens).
 */
export function useLinkedTarget(): void {
  const location = useLocation();
  const { pathname, searchStr: search } = location;

  useEffect(() => {
    const target = linkedTarget(search);
    if (!target) return;
    let unmark = () => {};

    const mark = (element: HTMLElement) => {
      if (target.kind !== "passage") {
        element.setAttribute("data-linked", "true");
        unmark = () => element.removeAttribute("data-linked");
        return;
      }
      if (typeof Highlight === "undefined" || !("highlights" in CSS)) return;
      const range = document.createRange();
      range.selectNodeContents(element);
      CSS.highlights.set(PASSAGE_HIGHLIGHT, new Highlight(range));
      unmark = () => CSS.highlights.delete(PASSAGE_HIGHLIGHT);
    };

    const onInteraction = () => {
      unmark();
      unmark = () => {};
      document.removeEventListener("keydown", onInteraction, true);
      document.removeEventListener("pointerdown", onInteraction, true);
    };

    const reveal = (): boolean => {
      const element = findLinkedElement(document, target);
      if (!element) return false;
      element.scrollIntoView({ block: "center" });
      mark(element);
      document.addEventListener("keydown", onInteraction, true);
      document.addEventListener("pointerdown", onInteraction, true);
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
      onInteraction();
    };
  }, [pathname, search]);
}
