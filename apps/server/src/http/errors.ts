import { ErrorCode, type ErrorBody } from "@entente/protocol";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

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

export function handleError(error: Error, c: Context): Response {
  if (error instanceof HttpError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  // The request logger logs 500s with the error and the request id.
  return c.json(errorBody(ErrorCode.Internal, "Something went wrong on our side"), 500);
}

export function handleNotFound(c: Context): Response {
  return c.json(errorBody(ErrorCode.NotFound, "No such route"), 404);
}
