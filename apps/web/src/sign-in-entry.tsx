import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { SignInApp } from "./features/auth/components/sign-in-app";
import { I18nProvider } from "./i18n";
import { SkipLink } from "./ui/skip-link";

/**
 * Renders `/login` or `/signup` into `container`: React, the form and its messages, nothing
 * of the signed-in app. Signing in leaves the page for the app (a full load of it).
 */
export function startSignIn(container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <I18nProvider>
        <SkipLink />
        <SignInApp />
      </I18nProvider>
    </StrictMode>,
  );
}
