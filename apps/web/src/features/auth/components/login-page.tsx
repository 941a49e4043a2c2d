import { useState, type FormEvent } from "react";
import { useSignInAction } from "../hooks/use-sign-in-action";
import { useT } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { FormError, SubmitButton } from "../../../ui/form";
import { SsoRefusalMessage, SsoSignIn } from "../../sso";
import { authApi } from "../api/auth-api";
import { enterApp, signInPagePath } from "../state/sign-in-navigation";
import { safeRedirectTarget } from "../state/redirect-target";
import { EmailField, PasswordField } from "./account-fields";
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
        <EmailField autoComplete="username" value={email} onChange={setEmail} />
        <PasswordField isNew={false} value={password} onChange={setPassword} />
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
