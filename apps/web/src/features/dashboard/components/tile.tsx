import type { ReactNode } from "react";
import { Link } from "@tanstack/react-router";

/** One tile of the dashboard: a titled card whose heading links to the items behind it. */
export function Tile({
  id,
  title,
  to,
  linkLabel,
  wide = false,
  children,
}: {
  id: string;
  title: string;
  /** Where the items behind the tile are (none yet: no link). */
  to: string | null;
  linkLabel: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      className={wide ? "card dashboard-tile dashboard-tile--wide" : "card dashboard-tile"}
      aria-labelledby={`tile-${id}`}
      data-testid={`tile-${id}`}
    >
      <header className="dashboard-tile__header">
        <h3 id={`tile-${id}`} className="dashboard-tile__title">
          {title}
        </h3>
        {to === null ? null : (
          <Link to={to} className="dashboard-tile__more" data-testid={`tile-${id}-more`}>
            {linkLabel}
          </Link>
        )}
      </header>
      {children}
    </section>
  );
}

/** What a tile says when it has nothing to show. */
export function TileEmpty({ children }: { children: ReactNode }) {
  return <p className="dashboard-tile__empty">{children}</p>;
}
