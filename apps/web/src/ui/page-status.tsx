import type { ReactNode } from "react";

type StatusRole = "status" | "alert";

/** A centred one-line status (loading, not found…) for a whole page or panel. */
export function PageStatus({
  children,
  role = "status",
}: {
  children: ReactNode;
  role?: StatusRole;
}) {
  return (
    <div className="page-status" role={role}>
      {children}
    </div>
  );
}

/**
 * A page whose content is only a status: the status is the page's main landmark (`#main`,
 * where the skip link leads), so that nothing of the page lies outside landmarks.
 */
export function MainStatus({
  children,
  role = "status",
}: {
  children: ReactNode;
  role?: StatusRole;
}) {
  return (
    <main id="main" className="page">
      <PageStatus role={role}>{children}</PageStatus>
    </main>
  );
}
