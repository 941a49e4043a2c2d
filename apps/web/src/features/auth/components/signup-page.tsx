import { useState, type FormEvent } from "react";
import { useSignInAction } from "../hooks/use-sign-in-action";
import { useT } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { FormError, SubmitButton, TextField } from "../../../ui/form";
import { authApi } from "../api/auth-api";
import { enterApp, signInPagePath } from "../state/sign-in-navigation";
import { safeRedirectTarget } from "../state/redirect-target";
import { AuthLayout } from "./auth-layout";

const MIN_PASSWORD_LENGTH = 8;

/** `/signup?next=…`: where to go once the account exists. */
export function SignupPage({ next }: { next: string | null }) {
  const t = useT();
  useDocumentTitle(t("auth.signup.title"), t("app.name"));
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const submit = useSignInAction(async () => {
    await authApi.signup({ name: name.trim(), email: email.trim(), password });
    enterApp(safeRedirectTarget(next));
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The browser's own checks (required, email, minLength) run first, in the user's language.
    if (!event.currentTarget.reportValidity()) return;
    submit.submit();
  };

  return (
    <AuthLayout title={t("auth.signup.title")} subtitle={t("auth.signup.subtitle")}>
      <form className="form" onSubmit={onSubmit}>
        <TextField
          label={t("auth.name")}
          name="name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t("auth.email")}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t("auth.password")}
          hint={t("auth.passwordHint")}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormError error={submit.error} />
        <SubmitButton pending={submit.pending} pendingLabel={t("auth.signup.submitting")}>
          {t("auth.signup.submit")}
        </SubmitButton>
      </form>
      <p className="auth-card__switch">
        {t("auth.signup.hasAccount")}{" "}
        <a href={signInPagePath("/login", next)}>{t("auth.signup.toLogin")}</a>
      </p>
    </AuthLayout>
  );
}
