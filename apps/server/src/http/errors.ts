import { ErrorCode, type ErrorBody } from "@entente/protocol";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isStoreUnavailable } from "../db/store-unavailable.js";
import { DomainError, type DomainErrorCode } from "../domain-error.js";

/**
 * The one place a domain error becomes an HTTP answer: its status and the stable code of the
 * JSON body (docs/API.md, "Errors"). The sync server answers refused upgrades from it too.
 */
export const HTTP_ERRORS: Record<
  DomainErrorCode,
  { status: ContentfulStatusCode; code: ErrorCode }
> = {
  invalid_input: { status: 400, code: ErrorCode.InvalidInput },
  invalid_json: { status: 400, code: ErrorCode.InvalidJson },
  unauthorized: { status: 401, code: ErrorCode.Unauthorized },
  invalid_credentials: { status: 401, code: ErrorCode.InvalidCredentials },
  password_sign_in_disabled: { status: 403, code: ErrorCode.PasswordSignInDisabled },
  forbidden: { status: 403, code: ErrorCode.Forbidden },
  not_found: { status: 404, code: ErrorCode.NotFound },
  sso_not_configured: { status: 404, code: ErrorCode.SsoNotConfigured },
  conflict: { status: 409, code: ErrorCode.Conflict },
  email_taken: { status: 409, code: ErrorCode.EmailTaken },
  invitation_used: { status: 409, code: ErrorCode.InvitationUsed },
  approval_pending: { status: 409, code: ErrorCode.ApprovalPending },
  name_taken: { status: 409, code: ErrorCode.NameTaken },
  meeting_not_started: { status: 409, code: ErrorCode.MeetingNotStarted },
  sso_not_proven: { status: 409, code: ErrorCode.SsoNotProven },
  domain_taken: { status: 409, code: ErrorCode.DomainNotAllowed },
  invitation_expired: { status: 410, code: ErrorCode.InvitationExpired },
  invitation_revoked: { status: 410, code: ErrorCode.InvitationRevoked },
  domain_not_allowed: { status: 422, code: ErrorCode.DomainNotAllowed },
  invalid_mention: { status: 422, code: ErrorCode.InvalidMention },
  invalid_anchor: { status: 422, code: ErrorCode.InvalidAnchor },
  sso_provider_error: { status: 422, code: ErrorCode.SsoProviderError },
  rate_limited: { status: 429, code: ErrorCode.RateLimited },
  sso_provider_unreachable: { status: 502, code: ErrorCode.SsoProviderError },
  sso_unavailable: { status: 503, code: ErrorCode.SsoUnavailable },
};

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Seconds a client is told to wait before retrying a request the database was away for. */
export const UNAVAILABLE_RETRY_AFTER_S = 2;
export const UNAVAILABLE_MESSAGE = "The database is unavailable; try again in a few seconds";
/** The answer to a request the database was away for (not a domain refusal). */
export const STORE_UNAVAILABLE = { status: 503, code: ErrorCode.Unavailable } as const;

export function handleError(error: Error, c: Context): Response {
  if (error instanceof DomainError) {
    const { status, code } = HTTP_ERRORS[error.code];
    return c.json(errorBody(code, error.message, error.details), status);
  }
  // Any route, middleware or service that found the database away (a restart, a failover):
  // the same request succeeds once it is back.
  if (isStoreUnavailable(error)) {
    c.header("Retry-After", String(UNAVAILABLE_RETRY_AFTER_S));
    return c.json(errorBody(STORE_UNAVAILABLE.code, UNAVAILABLE_MESSAGE), STORE_UNAVAILABLE.status);
  }
  // The request logger logs 500s with the error and the request id.
  return c.json(errorBody(ErrorCode.Internal, "Something went wrong on our side"), 500);
}

export function handleNotFound(c: Context): Response {
  return c.json(errorBody(ErrorCode.NotFound, "No such route"), 404);
}
