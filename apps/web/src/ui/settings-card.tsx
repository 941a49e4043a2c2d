import type { ReactNode } from "react";

/**
 * A card of a settings page, named by its heading (`id`); `intro`, under the heading, says
 * what it sets.
 */
export function SettingsCard({
  id,
  title,
  intro,
  testId,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className="card settings__card" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      {intro === undefined ? null : <p className="card__intro">{intro}</p>}
      {children}
    </section>
  );
}
