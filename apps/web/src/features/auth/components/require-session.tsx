import { useEffect, type ReactNode } from "react";
import { useT } from "../../../i18n";
import { MainStatus } from "../../../ui/page-status";
import { Navigate, useLocation, useNavigate } from "@tanstack/react-router";
import { errorMessage } from "../../../ui/error-message";
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

function isSignInPath(pathname: string): boolean {
  return pathname === "/login" || pathname === "/signup";
}

/** Signed-in users have no business on /login or /signup: send them on. */
export function RedirectIfSignedIn({ to, children }: { to: string; children: ReactNode }) {
  const { session } = useSession();
  const navigate = useNavigate();
  const signedIn = session.status === "authenticated";
  useEffect(() => {
    if (signedIn) void navigate({ href: to, replace: true });
  }, [signedIn, navigate, to]);
  return signedIn ? null : <>{children}</>;
}
