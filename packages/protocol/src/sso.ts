/** Why a single sign-on was refused: `/login?sso_error=<reason>` after the provider's answer. */
export const SSO_REFUSALS = [
  /** The provider's answer does not belong to a sign-in this browser started (or it expired). */
  "state_mismatch",
  /** The ID token failed verification (signature, issuer, audience, nonce). */
  "invalid_token",
  /** The ID token has expired. */
  "token_expired",
  /** The provider's e-mail is outside the organization's verified domains. */
  "domain_not_allowed",
  /** The provider did not vouch for the e-mail (`email_verified` not true). */
  "email_not_verified",
  /** The account belongs to another organization, or exists outside this one. */
  "other_organization",
  /** The provider refused or failed (an error answer, a network failure). */
  "provider_error",
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];
