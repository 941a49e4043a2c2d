/**
 * The keyboard model of the palette's listbox (WAI-ARIA combobox pattern): one active option
 * among `count`, moved by the arrow keys (wrapping), Home/End and Page keys; `-1` when there is
 * no option. Pure, so the component only maps keys and renders.
 */
export type NavigationKey = "ArrowDown" | "ArrowUp" | "Home" | "End" | "PageDown" | "PageUp";

const PAGE = 5;

export function isNavigationKey(key: string): key is NavigationKey {
  return ["ArrowDown", "ArrowUp", "Home", "End", "PageDown", "PageUp"].includes(key);
}

/** The active index after `key`, for a list of `count` options. */
export function moveActive(active: number, count: number, key: NavigationKey): number {
  if (count <= 0) return -1;
  const current = active < 0 || active >= count ? -1 : active;
  switch (key) {
    case "ArrowDown":
      return current === -1 || current === count - 1 ? 0 : current + 1;
    case "ArrowUp":
      return current <= 0 ? count - 1 : current - 1;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    case "PageDown":
      return Math.min(count - 1, Math.max(current, 0) + PAGE);
    case "PageUp":
      return Math.max(0, current - PAGE);
  }
}

/**
 * The index of the active option once the list changed: the option the user had reached if it
 * is still listed, else the first one (`-1` for an empty list).
 */
export function activeIndexOf(keys: readonly string[], activeKey: string | null): number {
  if (keys.length === 0) return -1;
  const index = activeKey === null ? -1 : keys.indexOf(activeKey);
  return index === -1 ? 0 : index;
}
