import { useEffect } from "react";

/**
 * `/login` and `/signup` reached from inside the app (signing out, a session that ended, a
 * link): the sign-in pages are an entry of their own (`src/sign-in-entry.tsx`), so the
 * address the router just took is loaded as a page. Nothing shows meanwhile.
 */
export function SignInPageLoad() {
  useEffect(() => {
    window.location.reload();
  }, []);
  return null;
}
