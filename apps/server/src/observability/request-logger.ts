import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { loggablePath, routeLabel } from "./http-route.js";
import type { Logger } from "./logger.js";

export const REQUEST_ID_HEADER = "x-request-id";

/** What `requestLogger` puts on the context; `AppEnv["Variables"]` includes these. */
export interface RequestLogVariables {
  /** This request's id, also sent back as `x-request-id`. */
  requestId: string;
  /** A child logger that stamps every line with `requestId`. */
  logger: Logger;
}

/** The variables the middleware reads and sets; `auth` is set later by the session middleware. */
interface RequestLoggerEnv {
  Variables: RequestLogVariables & { auth?: { user: { id: string } } | null };
}

/**
 * An id from a proxy or client is kept only when it cannot forge log fields or carry data:
 * a short token of letters, digits, `-`, `_`, `.` and `:`.
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Assigns a request id (reusing a safe incoming `x-request-id`), echoes it on the response,
 * puts a child logger on `c.var.logger` and writes one line when the request is answered:
 * method, path (no query string, invitation tokens masked), route, status, duration,
 * request id and user id. Headers, cookies, query values and bodies are never logged.
 * Mount it first, so its line covers what every other middleware does.
 */
export function requestLogger(logger: Logger): MiddlewareHandler<RequestLoggerEnv> {
  return async (c, next) => {
    const start = performance.now();
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const requestLog = logger.child({ requestId });
    c.set("requestId", requestId);
    c.set("logger", requestLog);

    const finish = (status: number, error: unknown) => {
      const userId = c.get("auth")?.user.id;
      const line = {
        method: c.req.method,
        path: loggablePath(c.req.path),
        route: routeLabel(c),
        status,
        durationMs: Math.round((performance.now() - start) * 10) / 10,
        ...(userId === undefined ? {} : { userId }),
        ...(status >= 500 && error !== undefined ? { err: error } : {}),
      };
      if (status >= 500) requestLog.error(line, "request failed");
      else requestLog.info(line, "request");
    };

    try {
      await next();
    } catch (error) {
      // Only reached with what no onError handler takes (Hono passes it non-Error throws).
      finish(500, error);
      throw error;
    }
    c.header(REQUEST_ID_HEADER, requestId);
    finish(c.res.status, c.error);
  };
}
