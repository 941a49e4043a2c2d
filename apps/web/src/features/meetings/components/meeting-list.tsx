import type { ReactNode } from "react";

/**
 * One titled list of the meetings section (upcoming, past, signed items deleted since),
 * named by its heading; its test id is its `id` unless told.
 */
export function MeetingList({
  id,
  testId = id,
  title,
  children,
}: {
  id: string;
  testId?: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="meeting-list" aria-labelledby={id} data-testid={testId}>
      <h3 id={id} className="meeting-list__title">
        {title}
      </h3>
      {children}
    </section>
  );
}
