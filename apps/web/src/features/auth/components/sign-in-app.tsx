import { useEffect, useState } from "react";
import { authApi } from "../api/auth-api";
import { safeRedirectTarget } from "../state/redirect-target";
import { enterApp } from "../state/sign-in-navigation";
import { LoginPage } from "./login-page";
import { SignupPage } from "./signup-page";

/**
 * `/login` or `/signup`, as the sign-in entry shows them. Someone already signed in has no
 * business here: they go on to `?next=` (or home) as soon as `/api/me` says so.
 */
export function SignInApp() {
  const search = new URLSearchParams(window.location.search);
  const next = search.get("next");
  const signedIn = useSignedIn();
  useEffect(() => {
    if (signedIn) enterApp(safeRedirectTarget(next));
  }, [signedIn, next]);
  if (signedIn) return null;
  return window.location.pathname.startsWith("/signup") ? (
    <SignupPage next={next} />
  ) : (
    <LoginPage next={next} ssoRefusal={search.get("sso_error")} />
  );
}

/** Whether the browser already holds a session (false while asking and when it does not). */
function useSignedIn(): boolean {
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    let current = true;
    authApi.me().then(
      () => current && setSignedIn(true),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return signedIn;
}
