import { SSO_REFUSALS, type SsoRefusal } from "@entente/protocol";
import { useState } from "react";
import { useSignInAction } from "../../auth";
import { useT, type MessageKey } from "../../../i18n";
import { FormError, SubmitButton, submitWhenValid, TextField } from "../../../ui/form";
import { ssoApi } from "../api/sso-api";
import "../sso.css";

const REFUSAL_MESSAGES = {
  state_mismatch: "sso.refused.state_mismatch",
  invalid_token: "sso.refused.invalid_token",
  token_expired: "sso.refused.token_expired",
  domain_not_allowed: "sso.refused.domain_not_allowed",
  email_not_verified: "sso.refused.email_not_verified",
  other_organization: "sso.refused.other_organization",
  provider_error: "sso.refused.provider_error",
} as const satisfies Record<SsoRefusal, MessageKey>;

function isRefusal(value: string | null): value is SsoRefusal {
  return (SSO_REFUSALS as readonly string[]).includes(value ?? "");
}

/** Why the last single sign-on was refused (`?sso_error=` from the callback), translated. */
export function SsoRefusalMessage({ reason }: { reason: string | null }) {
  const t = useT();
  if (reason === null) return null;
  return (
    <p className="form-error" role="alert" data-testid="sso-refusal">
      {t(isRefusal(reason) ? REFUSAL_MESSAGES[reason] : "sso.refused.provider_error")}
    </p>
  );
}

/**
 * "Continue with single sign-on": the work e-mail's domain finds the organization's
 * provider, and the browser goes there; it comes back signed in (or with a refusal).
 */
export function SsoSignIn({ next, initialEmail }: { next: string; initialEmail: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState(initialEmail);

  const submit = useSignInAction(async () => {
    const { redirectUrl } = await ssoApi.start({ email: email.trim(), next });
    window.location.assign(redirectUrl);
  });

  if (!open) {
    return (
      <button
        type="button"
        className="button auth-card__sso"
        onClick={() => {
          setEmail(initialEmail);
          setOpen(true);
        }}
      >
        {t("sso.continue")}
      </button>
    );
  }

  const onSubmit = submitWhenValid(submit.submit);

  return (
    <form className="form auth-card__sso-form" onSubmit={onSubmit} aria-label={t("sso.continue")}>
      <p className="auth-card__subtitle">{t("sso.intro")}</p>
      <TextField
        label={t("sso.workEmail")}
        type="email"
        name="sso-email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <FormError error={submit.error} />
      <SubmitButton pending={submit.pending} pendingLabel={t("sso.redirecting")}>
        {t("sso.submit")}
      </SubmitButton>
    </form>
  );
}
