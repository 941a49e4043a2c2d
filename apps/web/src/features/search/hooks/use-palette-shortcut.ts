import { useEffect } from "react";

/**
 * Ctrl+K (⌘K on a Mac) anywhere on the page calls `onShortcut`, even from a text field or the
 * editor: the browser's own Ctrl+K (focus the address bar's search) is prevented.
 */
export function usePaletteShortcut(onShortcut: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "k" || event.altKey || event.shiftKey) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      onShortcut();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onShortcut]);
}
