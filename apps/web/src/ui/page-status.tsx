import type { ReactNode } from "react";

/** A centred one-line status (loading, not found…) for a whole page or panel. */
export function PageStatus({
  children,
  role = "status",
}: {
  children: ReactNode;
  role?: "status" | "alert";
}) {
  return (
    <div className="page-status" role={role}>
      {children}
    </div>
  );
}
