import type { Permission } from "@entente/domain";
import type { Language } from "@entente/protocol";
import type { Millis } from "./millis.js";

/**
 * People and organizations: user accounts and their sessions, organizations and their
 * members, sign-in throttling, and organizations' own single sign-on (sso/).
 */

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: Millis;
  /** The language the user last used the app in (its language cookie); null: not seen yet. */
  app_language: Language | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token, hex; the token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: Millis;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: Millis;
}

export interface OrganizationMembersTable {
  organization_id: string;
  /** A user belongs to one organization: unique. */
  user_id: string;
  role: Permission;
}

/** A failed sign-in (or one being checked) within the throttle's window. */
export interface LoginFailuresTable {
  id: string;
  /** The e-mail tried, lower-cased. */
  account: string;
  /** The client address (see `clientAddress`). */
  address: string;
  failed_at: Millis;
}

/** An organization's own OpenID Connect provider. */
export interface OrganizationSsoTable {
  organization_id: string;
  issuer: string;
  client_id: string;
  /** `v1.<iv>.<ciphertext>.<tag>` (AES-256-GCM under SSO_SECRET_KEY); never sent to clients. */
  client_secret_encrypted: string;
  /** 1: members may still sign in with a password; 0: only through the provider. */
  password_sign_in: number;
  /** An admin of the organization signed in through this provider (configuration proven). */
  admin_proven_at: Millis | null;
  updated_by: string | null;
  updated_at: Millis;
}

/** The e-mail domains whose people an organization's provider may sign in. */
export interface OrganizationSsoDomainsTable {
  domain: string;
  organization_id: string;
}

/** A single sign-on under way, between the redirect to the provider and its answer. */
export interface SsoSignInsTable {
  /** SHA-256 of the token in the browser's cookie, hex. */
  id: string;
  organization_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  /** Where the user goes once signed in (a path of this app). */
  next: string;
  expires_at: Millis;
}
