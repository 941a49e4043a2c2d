/**
 * Why a domain operation refused (or could not do) what it was asked. Each code is the stable
 * string the API answers with in `{"error":{"code"}}` (`ErrorCode` of `@entente/protocol`),
 * except where one answer code covers two situations with different statuses:
 * `domain_taken` and `sso_provider_unreachable` (see `HTTP_ERRORS` in http/errors.ts).
 */
export const DOMAIN_ERROR_CODES = [
  /** A value is not acceptable; `details` lists the offending fields (`{ path, message }[]`). */
  "invalid_input",
  /** A request body that is not JSON at all. */
  "invalid_json",
  /** No (valid) session: sign in first. */
  "unauthorized",
  "invalid_credentials",
  /** The organization turned password sign-in off: its members sign in with single sign-on. */
  "password_sign_in_disabled",
  "forbidden",
  "not_found",
  /** No organization's single sign-on covers this e-mail's domain. */
  "sso_not_configured",
  /** The state of what is asked about does not allow it (closed, already decided, moved on…). */
  "conflict",
  "email_taken",
  "invitation_used",
  /** An organization invitation waits for the approval of organizations already in the partnership. */
  "approval_pending",
  /** The partnership already holds an organization of that name (without case or accents). */
  "name_taken",
  /** Minutes of a meeting that has not started yet cannot be signed off. */
  "meeting_not_started",
  /** Password sign-in may go off only once an admin signed in through the provider. */
  "sso_not_proven",
  /** Another organization's single sign-on holds the e-mail domain. */
  "domain_taken",
  "invitation_expired",
  /** The inviting organization revoked the invitation: the link opens nothing any more. */
  "invitation_revoked",
  /** An e-mail domain that is not the organization's own (no admin has an e-mail there). */
  "domain_not_allowed",
  /** A rich body mentions someone (or an organization) who is not in the partnership. */
  "invalid_mention",
  /** A comment's charter anchor does not point into the partnership's charter. */
  "invalid_anchor",
  /** The organization's provider refused the configuration (no OpenID Connect discovery). */
  "sso_provider_error",
  "rate_limited",
  /** The organization's provider cannot be reached right now. */
  "sso_provider_unreachable",
  /** The server has no SSO_SECRET_KEY: single sign-on cannot be configured. */
  "sso_unavailable",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Codes that say something outside the request is away, not that the request was refused. */
const OUTAGES: ReadonlySet<DomainErrorCode> = new Set([
  "sso_provider_unreachable",
  "sso_unavailable",
]);

/**
 * The one error type services (and routes) throw when they refuse an operation. It knows
 * nothing of HTTP: the HTTP layer maps its code to a status and the JSON error contract.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Carried as the answer's `details` (e.g. the offending fields). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }

  static notFound(what = "Not found"): DomainError {
    return new DomainError("not_found", what);
  }

  static unauthorized(): DomainError {
    return new DomainError("unauthorized", "Sign in to continue");
  }

  static forbidden(message = "You are not allowed to do this"): DomainError {
    return new DomainError("forbidden", message);
  }
}

/** A domain error refusing the request itself (not an outage of something it depends on). */
export function isRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && !OUTAGES.has(error.code);
}
