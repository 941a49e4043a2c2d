import { ErrorCode, type ErrorBody } from "@entente/protocol";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isStoreUnavailable } from "../db/store-unavailable.js";

/** The one error type routes throw; `app.onError` turns it into the JSON error contract. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "HttpError";
  }

  static notFound(what = "Not found"): HttpError {
    return new HttpError(404, ErrorCode.NotFound, what);
  }

  static unauthorized(): HttpError {
    return new HttpError(401, ErrorCode.Unauthorized, "Sign in to continue");
  }

  static forbidden(message = "You are not allowed to do this"): HttpError {
    return new HttpError(403, ErrorCode.Forbidden, message);
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Seconds a client is told to wait before retrying a request the database was away for. */
export const UNAVAILABLE_RETRY_AFTER_S = 2;
export const UNAVAILABLE_MESSAGE = "The database is unavailable; try again in a few seconds";

export function handleError(error: Error, c: Context): Response {
  if (error instanceof HttpError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  // Any route, middleware or service that found the database away (a restart, a failover):
  // the same request succeeds once it is back.
  if (isStoreUnavailable(error)) {
    c.header("Retry-After", String(UNAVAILABLE_RETRY_AFTER_S));
    return c.json(errorBody(ErrorCode.Unavailable, UNAVAILABLE_MESSAGE), 503);
  }
  // The request logger logs 500s with the error and the request id.
  return c.json(errorBody(ErrorCode.Internal, "Something went wrong on our side"), 500);
}

export function handleNotFound(c: Context): Response {
  return c.json(errorBody(ErrorCode.NotFound, "No such route"), 404);
}
