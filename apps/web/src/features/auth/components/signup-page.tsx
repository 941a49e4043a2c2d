import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useMutation } from "@tanstack/react-query";
import { safeRedirectTarget } from "../state/redirect-target";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { FormError, SubmitButton, TextField } from "../../../ui/form";
import { useSession } from "../state/session-provider";
import { AuthLayout } from "./auth-layout";

const MIN_PASSWORD_LENGTH = 8;

export function SignupPage() {
  const t = useT();
  const { signup } = useSession();
  const navigate = useNavigate();
  const { next = null } = useSearch({ strict: false });
  useDocumentTitle(t("auth.signup.title"), t("app.name"));
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const submit = useMutation({
    mutationFn: async () => {
      await signup({ name: name.trim(), email: email.trim(), password });
      await navigate({ href: safeRedirectTarget(next), replace: true });
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The browser's own checks (required, email, minLength) run first, in the user's language.
    if (!event.currentTarget.reportValidity()) return;
    void submit.mutate();
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
        <SubmitButton pending={submit.isPending} pendingLabel={t("auth.signup.submitting")}>
          {t("auth.signup.submit")}
        </SubmitButton>
      </form>
      <p className="auth-card__switch">
        {t("auth.signup.hasAccount")}{" "}
        <Link to="/login" search={next ? { next } : {}}>
          {t("auth.signup.toLogin")}
        </Link>
      </p>
    </AuthLayout>
  );
}
