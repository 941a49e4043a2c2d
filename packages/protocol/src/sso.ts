/** An organization's single sign-on, as its admins see it: never the client secret. */
export interface SsoSettingsView {
  issuer: string;
  clientId: string;
  domains: string[];
  /** False: the organization's members sign in through the provider only. */
  passwordSignIn: boolean;
  /** When an admin last signed in through this provider (ISO), or null: not proven yet. */
  provenAt: string | null;
  updatedAt: string;
}

/** `GET /api/organizations/:id/sso` (and the answer of PUT). */
export interface SsoSettingsResponse {
  /** Null when the organization has no provider. */
  sso: SsoSettingsView | null;
  /** The redirect URI to register at the provider. */
  redirectUri: string;
  /** False when the server has no SSO_SECRET_KEY: nothing can be configured. */
  available: boolean;
}

export interface SsoStartResponse {
  /** The provider's authorization endpoint, with the request: navigate there. */
  redirectUrl: string;
}

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
