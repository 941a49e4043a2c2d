import type { ReactNode } from "react";
import { useT } from "../../../i18n";
import { MainStatus } from "../../../ui/page-status";
import { Navigate, useLocation } from "@tanstack/react-router";
import { errorMessage } from "../../../ui/error-message";
import { isSignInPath } from "../../../i18n/sign-in-messages";
import { useSession } from "../state/session-provider";

/** Renders its children for a signed-in user; sends everyone else to /login and back here after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const t = useT();
  const { session, refresh } = useSession();
  const location = useLocation();

  switch (session.status) {
    case "loading":
      return <MainStatus>{t("common.loading")}</MainStatus>;
    case "anonymous": {
      // Already on its way to the sign-in page (a sign-out navigates there itself): asking
      // again would nest `next=/login?next=…` without end.
      if (isSignInPath(location.pathname)) return null;
      const here = location.pathname + location.searchStr;
      return <Navigate to="/login" search={here === "/" ? {} : { next: here }} replace />;
    }
    case "error":
      return (
        <MainStatus role="alert">
          <p>{errorMessage(t, session.error)}</p>
          <button type="button" className="button" onClick={() => void refresh()}>
            {t("common.retry")}
          </button>
        </MainStatus>
      );
    case "authenticated":
      return <>{children}</>;
  }
}
