/*
 * JSON answers of single sign-on: an organization's provider settings as its admins see them
 * (never the client secret), and where a sign-in starts.
 */
import { z } from "zod";

/** An organization's single sign-on, as its admins see it: never the client secret. */
export const SsoSettingsView = z.strictObject({
  issuer: z.string(),
  clientId: z.string(),
  domains: z.array(z.string()),
  /** False: the organization's members sign in through the provider only. */
  passwordSignIn: z.boolean(),
  /** When an admin last signed in through this provider (ISO), or null: not proven yet. */
  provenAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type SsoSettingsView = z.infer<typeof SsoSettingsView>;

/** `GET /api/organizations/:id/sso` (and the answer of PUT). */
export const SsoSettingsResponse = z.strictObject({
  /** Null when the organization has no provider. */
  sso: SsoSettingsView.nullable(),
  /** The redirect URI to register at the provider. */
  redirectUri: z.string(),
  /** False when the server has no SSO_SECRET_KEY: nothing can be configured. */
  available: z.boolean(),
});
export type SsoSettingsResponse = z.infer<typeof SsoSettingsResponse>;

/** `POST /api/auth/sso/start`. */
export const SsoStartResponse = z.strictObject({
  /** The provider's authorization endpoint, with the request: navigate there. */
  redirectUrl: z.string(),
});
export type SsoStartResponse = z.infer<typeof SsoStartResponse>;
