import type { MessageKey, Translate } from "../i18n";
import type { ApiError } from "../lib/api-client";

type ErrorKey = Extract<MessageKey, `errors.${string}`>;

function isErrorKey(key: string): key is ErrorKey {
  return key !== "errors.generic" && ERROR_KEYS.has(key);
}

const ERROR_KEYS: ReadonlySet<string> = new Set<ErrorKey>([
  "errors.invalid_credentials",
  "errors.email_taken",
  "errors.invalid_input",
  "errors.invalid_json",
  "errors.unauthorized",
  "errors.forbidden",
  "errors.not_found",
  "errors.conflict",
  "errors.invitation_used",
  "errors.invitation_expired",
  "errors.invitation_revoked",
  "errors.network",
  "errors.offline",
  "errors.invalid_mention",
  "errors.unavailable",
  "errors.approval_pending",
  "errors.name_taken",
  "errors.unsupported_media_type",
  "errors.rate_limited",
  "errors.password_sign_in_disabled",
  "errors.sso_not_configured",
  "errors.sso_unavailable",
  "errors.sso_not_proven",
  "errors.domain_not_allowed",
  "errors.sso_provider_error",
]);

/** The user-facing sentence for an API error: chosen by its stable code, never the server's English text. */
export function errorMessage(t: Translate, error: ApiError): string {
  const key = `errors.${error.code}`;
  return isErrorKey(key) ? t(key) : t("errors.generic");
}
