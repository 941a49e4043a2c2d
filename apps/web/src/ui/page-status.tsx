import type { ReactNode } from "react";
import { useT } from "../i18n";
import type { ApiError } from "../lib/api-client";
import { errorMessage } from "./error-message";

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

/** A page or panel that could not load: what went wrong, and "Retry". */
export function LoadFailedStatus({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useT();
  return (
    <PageStatus role="alert">
      <p>{errorMessage(t, error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t("common.retry")}
      </button>
    </PageStatus>
  );
}
