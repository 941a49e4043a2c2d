import type { MouseEvent } from "react";
import { useT } from "../i18n";
import "./skip-link.css";

/** The id of every page's one `<main>` landmark: where the skip link leads. */
export const MAIN_ID = "main";

/**
 * "Skip to content": the first thing the Tab key reaches on every page, visible only while
 * focused; it moves the focus into the page's main landmark, past the header and tabs.
 */
export function SkipLink() {
  const t = useT();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(MAIN_ID);
    if (!main) return;
    // The focus moves itself (the URL keeps no "#main", which the router would take for a page).
    event.preventDefault();
    if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
    main.focus();
  };
  return (
    <a href={`#${MAIN_ID}`} className="skip-link" onClick={skip}>
      {t("a11y.skipToContent")}
    </a>
  );
}
