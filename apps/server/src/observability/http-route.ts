import type { Context } from "hono";
import { matchedRoutes } from "hono/route";

/** Route label of a request no route answered (404 from a middleware or a catch-all). */
export const UNMATCHED_ROUTE = "unmatched";

/**
 * The template of the route that answered (`/api/partnerships/:id`), for metric labels and
 * logs: bounded, and free of ids and tokens. Call it after `await next()`.
 */
export function routeLabel(c: Context): string {
  // Hono leaves routeIndex on the last handler it dispatched: the one that answered.
  const route = matchedRoutes(c)[c.req.routeIndex];
  if (!route) return UNMATCHED_ROUTE;
  const catchAll = route.method === "ALL" || route.path.endsWith("*");
  if (c.res.status === 404 && catchAll) return UNMATCHED_ROUTE;
  return route.path;
}

/**
 * Path segments that follow these are bearer secrets: `/invite/<token>` (web page) and
 * `/api/invitations/<token>[/accept]` (API) carry invitation tokens.
 */
const SECRET_AFTER = new Set(["invite", "invitations"]);

const MAX_LOGGED_PATH = 200;

/** The request path as it may be logged: no query string, invitation tokens masked, bounded. */
export function loggablePath(path: string): string {
  const withoutQuery = path.split(/[?#]/, 1)[0] ?? "";
  const segments = withoutQuery.split("/");
  const masked = segments.map((segment, i) => {
    const previous = i > 0 ? segments[i - 1] : undefined;
    return previous !== undefined && SECRET_AFTER.has(previous) && segment !== ""
      ? ":token"
      : segment;
  });
  const result = masked.join("/");
  return result.length > MAX_LOGGED_PATH ? `${result.slice(0, MAX_LOGGED_PATH)}…` : result;
}
