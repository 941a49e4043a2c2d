/** Stable error codes of the HTTP API, carried as `{"error":{"code","message"}}`. */
export const ErrorCode = {
  InvalidInput: "invalid_input",
  InvalidJson: "invalid_json",
  Unauthorized: "unauthorized",
  InvalidCredentials: "invalid_credentials",
  Forbidden: "forbidden",
  NotFound: "not_found",
  Conflict: "conflict",
  EmailTaken: "email_taken",
  InvitationUsed: "invitation_used",
  InvitationExpired: "invitation_expired",
  /** The inviting organization revoked the invitation: the link opens nothing any more. */
  InvitationRevoked: "invitation_revoked",
  /** A rich body mentions someone (or an organization) who is not in the partnership. */
  InvalidMention: "invalid_mention",
  /** A comment's charter anchor does not point into the partnership's charter. */
  InvalidAnchor: "invalid_anchor",
  RateLimited: "rate_limited",
  /** A request body that is not `application/json`. */
  UnsupportedMediaType: "unsupported_media_type",
  /** An organization invitation waits for the approval of organizations already in the partnership. */
  ApprovalPending: "approval_pending",
  /** The partnership already holds an organization of that name (without case or accents). */
  NameTaken: "name_taken",
  /** Minutes of a meeting that has not started yet cannot be signed off. */
  MeetingNotStarted: "meeting_not_started",
  /** The organization turned password sign-in off: its members sign in with single sign-on. */
  PasswordSignInDisabled: "password_sign_in_disabled",
  /** No organization's single sign-on covers this e-mail's domain. */
  SsoNotConfigured: "sso_not_configured",
  /** The server has no SSO_SECRET_KEY: single sign-on cannot be configured. */
  SsoUnavailable: "sso_unavailable",
  /** Password sign-in may go off only once an admin signed in through the provider. */
  SsoNotProven: "sso_not_proven",
  /** An e-mail domain another organization's single sign-on holds, or not the admin's own. */
  DomainNotAllowed: "domain_not_allowed",
  /** The organization's provider could not be reached or refused the configuration. */
  SsoProviderError: "sso_provider_error",
  Internal: "internal",
  /** The database cannot be reached right now (a restart, a failover): retry in a few seconds. */
  Unavailable: "unavailable",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
