import { useCallback, useRef, useState } from "react";
import { useT } from "../../../i18n";
import { usePaletteShortcut } from "../hooks/use-palette-shortcut";
import { CommandPalette, type PaletteClose } from "./command-palette";
import "../search.css";

const APPLE = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The header's search button and the palette it opens; Ctrl+K / ⌘K opens it from anywhere on
 * a signed-in page. Closed without choosing, it gives the focus back to where it was.
 */
export function SearchLauncher() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  const shortcut = APPLE ? "⌘K" : "Ctrl+K";

  const show = useCallback(() => {
    if (!open && document.activeElement instanceof HTMLElement) {
      returnFocus.current = document.activeElement;
    }
    setOpen(true);
  }, [open]);
  usePaletteShortcut(show);

  const onClose = (how: PaletteClose) => {
    setOpen(false);
    const previous = returnFocus.current;
    returnFocus.current = null;
    if (how === "cancel" && previous?.isConnected) previous.focus();
  };

  return (
    <>
      <button
        type="button"
        className="button button--ghost search-launcher"
        aria-haspopup="dialog"
        aria-keyshortcuts={APPLE ? "Meta+K" : "Control+K"}
        title={t("palette.openHint", { shortcut })}
        data-testid="search-button"
        onClick={show}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path
            fill="currentColor"
            d="M7 1.5a5.5 5.5 0 0 1 4.38 8.82l3.15 3.15a.75.75 0 1 1-1.06 1.06l-3.15-3.15A5.5 5.5 0 1 1 7 1.5Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z"
          />
        </svg>
        <span className="search-launcher__label">{t("palette.open")}</span>
        <kbd className="search-launcher__kbd" aria-hidden="true">
          {shortcut}
        </kbd>
      </button>
      {open ? <CommandPalette onClose={onClose} /> : null}
    </>
  );
}
