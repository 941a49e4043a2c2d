import { ErrorCode } from "@entente/protocol";
import type { MiddlewareHandler } from "hono";
import type { IncomingMessage } from "node:http";
import { errorBody } from "./errors.js";

/**
 * Whether a request carries a body. Over HTTP/1.1 a body is announced by a non-zero
 * `Content-Length` or by `Transfer-Encoding`; a request built in memory (tests) has one
 * when it was given one.
 */
export function carriesBody(request: Request, fromSocket: boolean): boolean {
  const length = request.headers.get("content-length");
  if (length !== null) return length.trim() !== "0";
  if (request.headers.has("transfer-encoding")) return true;
  return !fromSocket && request.body !== null;
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

/**
 * Bodies are JSON, said so by their `Content-Type`: anything else (a `text/plain` form a
 * foreign page can post without a preflight, a missing type) is 415 before any route reads
 * it. Requests without a body pass.
 */
export function jsonBodiesOnly(): MiddlewareHandler {
  return async (c, next) => {
    const env = c.env as { incoming?: IncomingMessage } | undefined;
    if (
      carriesBody(c.req.raw, env?.incoming !== undefined) &&
      !isJsonMediaType(c.req.header("content-type"))
    ) {
      return c.json(
        errorBody(ErrorCode.UnsupportedMediaType, "Request bodies must be application/json"),
        415,
      );
    }
    return next();
  };
}
