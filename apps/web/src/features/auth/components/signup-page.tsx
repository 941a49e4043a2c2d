import { useState } from "react";
import { useSignInAction } from "../hooks/use-sign-in-action";
import { useT } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { FormError, SubmitButton, submitWhenValid } from "../../../ui/form";
import { authApi } from "../api/auth-api";
import { enterApp, signInPagePath } from "../state/sign-in-navigation";
import { safeRedirectTarget } from "../state/redirect-target";
import { NO_ACCOUNT, trimmedAccount } from "../state/new-account";
import { NewAccountFields } from "./account-fields";
import { AuthLayout } from "./auth-layout";

/** `/signup?next=…`: where to go once the account exists. */
export function SignupPage({ next }: { next: string | null }) {
  const t = useT();
  useDocumentTitle(t("auth.signup.title"), t("app.name"));
  const [account, setAccount] = useState(NO_ACCOUNT);

  const submit = useSignInAction(async () => {
    await authApi.signup(trimmedAccount(account));
    enterApp(safeRedirectTarget(next));
  });

  return (
    <AuthLayout title={t("auth.signup.title")} subtitle={t("auth.signup.subtitle")}>
      <form className="form" onSubmit={submitWhenValid(submit.submit)}>
        <NewAccountFields value={account} onChange={setAccount} />
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
