import type { ReactNode } from "react";

/**
 * A table wider than a phone scrolls inside this box, never the page. Focusable, so that a
 * keyboard user can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableScroll({ children }: { children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0}>
      {children}
    </div>
  );
}
