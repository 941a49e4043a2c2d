import { useEffect, useRef, type RefObject } from "react";

/**
 * Calls `onShown` once, the first time the element is at least half on screen while
 * `enabled`: a post counts as read when it was shown, not when a page of posts arrived.
 */
export function useSeenWhenShown(
  ref: RefObject<HTMLElement | null>,
  enabled: boolean,
  onShown: () => void,
): void {
  const onShownRef = useRef(onShown);
  useEffect(() => {
    onShownRef.current = onShown;
  });

  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    if (typeof IntersectionObserver === "undefined") {
      onShownRef.current();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          onShownRef.current();
        }
      },
      { threshold: 0.5 },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, enabled]);
}
