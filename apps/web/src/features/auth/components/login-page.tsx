import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useMutation } from "@tanstack/react-query";
import { safeRedirectTarget } from "../state/redirect-target";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { FormError, SubmitButton, TextField } from "../../../ui/form";
import { useSession } from "../state/session-provider";
import { SsoRefusalMessage, SsoSignIn } from "../../sso/components/sso-sign-in";
import { AuthLayout } from "./auth-layout";

export function LoginPage() {
  const t = useT();
  const { login } = useSession();
  const navigate = useNavigate();
  const { next = null, sso_error: ssoRefusal = null } = useSearch({ strict: false });
  useDocumentTitle(t("auth.login.title"), t("app.name"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const submit = useMutation({
    mutationFn: async () => {
      await login({ email: email.trim(), password });
      await navigate({ href: safeRedirectTarget(next), replace: true });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.mutate();
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
        <SubmitButton pending={submit.isPending} pendingLabel={t("auth.login.submitting")}>
          {t("auth.login.submit")}
        </SubmitButton>
      </form>
      <p className="auth-card__or">{t("sso.or")}</p>
      <SsoSignIn next={safeRedirectTarget(next)} initialEmail={email.trim()} />
      <p className="auth-card__switch">
        {t("auth.login.noAccount")}{" "}
        <Link to="/signup" search={next ? { next } : {}}>
          {t("auth.login.toSignup")}
        </Link>
      </p>
    </AuthLayout>
  );
}
