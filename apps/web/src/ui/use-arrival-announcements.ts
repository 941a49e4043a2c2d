import { useEffect, useRef } from "react";
import { useAnnounce } from "./announcer";

export interface ArrivalAnnouncements<T> {
  /** What names an item across two reads of the list (a new one is news). */
  key: (item: T) => string;
  /** Whether someone else than the user brought it: nobody is told of their own doing. */
  fromSomeoneElse: (item: T) => boolean;
  /** What the live region says of it. */
  message: (item: T) => string;
}

/** The items of `items` whose key is not in `seen` (none when nothing was seen yet). */
export function arrivals<T>(
  seen: ReadonlySet<string> | null,
  items: readonly T[],
  key: (item: T) => string,
): T[] {
  return seen === null ? [] : items.filter((item) => !seen.has(key(item)));
}

/**
 * Reads out, through the page's live region, each item of a list the screen shows that was
 * not there at its previous read (a partner's vote, an endorsement), when someone else
 * brought it. What the page opened with is not news; `items` is `null` until loaded.
 */
export function useArrivalAnnouncements<T>(
  items: readonly T[] | null,
  announcements: ArrivalAnnouncements<T>,
): void {
  const announce = useAnnounce();
  const seen = useRef<Set<string> | null>(null);
  const latest = useRef(announcements);
  useEffect(() => {
    latest.current = announcements;
  });
  useEffect(() => {
    if (items === null) return;
    const { key, fromSomeoneElse, message } = latest.current;
    for (const item of arrivals(seen.current, items, key)) {
      if (fromSomeoneElse(item)) announce(message(item));
    }
    seen.current = new Set(items.map(key));
  }, [items, announce]);
}
