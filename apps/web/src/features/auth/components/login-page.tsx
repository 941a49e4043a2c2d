import { useState, type FormEvent } from "react";
import { useSignInAction } from "../hooks/use-sign-in-action";
import { useT } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { FormError, SubmitButton, TextField } from "../../../ui/form";
import { SsoRefusalMessage, SsoSignIn } from "../../sso";
import { authApi } from "../api/auth-api";
import { enterApp, signInPagePath } from "../state/sign-in-navigation";
import { safeRedirectTarget } from "../state/redirect-target";
import { AuthLayout } from "./auth-layout";

/** `/login?next=…&sso_error=…`: where to go once signed in; why single sign-on refused. */
export function LoginPage({
  next,
  ssoRefusal,
}: {
  next: string | null;
  ssoRefusal: string | null;
}) {
  const t = useT();
  useDocumentTitle(t("auth.login.title"), t("app.name"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const submit = useSignInAction(async () => {
    await authApi.login({ email: email.trim(), password });
    enterApp(safeRedirectTarget(next));
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.submit();
  };

  return (
    <AuthLayout title={t("auth.login.title")} subtitle={t("auth.login.subtitle")}>
      <SsoRefusalMessage reason={ssoRefusal} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t("auth.email")}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t("auth.password")}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormError error={submit.error} />
        <SubmitButton pending={submit.pending} pendingLabel={t("auth.login.submitting")}>
          {t("auth.login.submit")}
        </SubmitButton>
      </form>
      <p className="auth-card__or">{t("sso.or")}</p>
      <SsoSignIn next={safeRedirectTarget(next)} initialEmail={email.trim()} />
      <p className="auth-card__switch">
        {t("auth.login.noAccount")}{" "}
        <a href={signInPagePath("/signup", next)}>{t("auth.login.toSignup")}</a>
      </p>
    </AuthLayout>
  );
}
