import { useCallback, useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { Link, useRouter, useSearchParam } from "../../../lib/router";
import { safeRedirectTarget } from "../state/redirect-target";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useSubmit } from "../../../lib/use-submit";
import { FormError, SubmitButton, TextField } from "../../../ui/form";
import { useSession } from "../state/session-provider";
import { AuthLayout } from "./auth-layout";

const MIN_PASSWORD_LENGTH = 8;

export function SignupPage() {
  const t = useT();
  const { signup } = useSession();
  const { navigate } = useRouter();
  const next = useSearchParam("next");
  useDocumentTitle(t("auth.signup.title"), t("app.name"));
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const submit = useSubmit(
    useCallback(async () => {
      await signup({ name: name.trim(), email: email.trim(), password });
      navigate(safeRedirectTarget(next), { replace: true });
    }, [signup, name, email, password, navigate, next]),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The browser's own checks (required, email, minLength) run first, in the user's language.
    if (!event.currentTarget.reportValidity()) return;
    void submit.run();
  };

  const loginHref = next ? `/login?next=${encodeURIComponent(next)}` : "/login";

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
        {t("auth.signup.hasAccount")} <Link to={loginHref}>{t("auth.signup.toLogin")}</Link>
      </p>
    </AuthLayout>
  );
}
