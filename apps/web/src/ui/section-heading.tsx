import type { ReactNode } from "react";

/**
 * The header of a section of the app: its title (the section's label, by `id`), a sentence
 * under it, and on the side what the section offers or says of itself (`children`; no side
 * when there are none).
 */
export function SectionHeading({
  id,
  title,
  subtitle,
  children,
}: {
  id: string;
  title: string;
  /** A sentence under the title; may hold an explained term (`GlossaryTerm`). */
  subtitle: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="section-header">
      <div className="section-header__text">
        <h2 id={id} className="section-header__title">
          {title}
        </h2>
        <p className="section-header__subtitle">{subtitle}</p>
      </div>
      {children === undefined ? null : <div className="section-header__side">{children}</div>}
    </header>
  );
}
