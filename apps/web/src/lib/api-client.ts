import type { ErrorBody } from "@entente/protocol";
import type { RouteArgs, RouteName, RouteResponse } from "@entente/protocol/schemas";

/**
 * An answer of the HTTP API that is not 2xx, or a request that never got one.
 * `code` is the server's stable error code (`ErrorCode`), or "offline" (the browser has no
 * connection), "network" (the server could not be reached) / "bad_response" when the
 * failure happened before a JSON error body could be read.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Network failures (server down, offline) carry this status. */
export const NETWORK_ERROR_STATUS = 0;

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = value.error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/** The browser knows it has no network (a fetch that failed then did not reach the server). */
function browserIsOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      // Same origin: the HttpOnly session cookie goes along without any token handling here.
      credentials: "same-origin",
      headers:
        body === undefined
          ? { Accept: "application/json" }
          : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(
      NETWORK_ERROR_STATUS,
      browserIsOffline() ? "offline" : "network",
      cause instanceof Error ? cause.message : "network error",
    );
  }

  if (response.status === 204) return undefined as T;

  let payload: unknown = null;
  const text = await response.text();
  if (text !== "") {
    try {
      payload = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, "bad_response", `Unexpected response from ${path}`);
    }
  }

  if (!response.ok) {
    if (isErrorBody(payload)) {
      throw new ApiError(response.status, payload.error.code, payload.error.message);
    }
    throw new ApiError(response.status, "bad_response", `HTTP ${response.status} from ${path}`);
  }
  return payload as T;
}

/** Writes a route's path parameters into its pattern, each as one path segment. */
function pathOf(pattern: string, params: Readonly<Record<string, string>>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No "${name}" for ${pattern}`);
    return encodeURIComponent(value);
  });
}

/**
 * A route's query string: its fields in order, those left undefined omitted, a list field
 * repeated once per value (`kind=a&kind=b`), encoded as `URLSearchParams` does; nothing at
 * all (not even "?") when no field is set.
 */
type QueryValue = string | number | boolean;
type Query = Readonly<Record<string, QueryValue | readonly QueryValue[] | undefined>>;

function searchOf(query: Query | undefined): string {
  if (query === undefined) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const one of typeof value === "object" ? value : [value]) {
      params.append(name, String(one));
    }
  }
  return params.size > 0 ? `?${params.toString()}` : "";
}

/**
 * Calls one route of the contract (`apiRoutes` of `@entente/protocol/schemas`): its name
 * selects the path parameters, the body and the answer's type, so a contract changes in one
 * place. Types only: the answer is not parsed here (the server's tests hold it to its schema).
 */
function call<Route extends RouteName>(
  route: Route,
  ...args: RouteArgs<Route>
): Promise<RouteResponse<Route>> {
  const space = route.indexOf(" ");
  const method = route.slice(0, space) as Method;
  const pattern = route.slice(space + 1);
  const rest: readonly unknown[] = args;
  const hasParams = pattern.includes(":");
  const path = hasParams ? pathOf(pattern, rest[0] as Record<string, string>) : pattern;
  const after = hasParams ? rest.slice(1) : rest;
  // A GET sends no body: what follows its parameters is its query (`RouteQuery`).
  if (method === "GET")
    return request<RouteResponse<Route>>(method, path + searchOf(after[0] as Query | undefined));
  const body = after[0];
  // As `api.post`/`api.put` below: a call without a body still sends `{}` to those methods.
  const sent = body ?? (method === "POST" || method === "PUT" ? {} : undefined);
  return request<RouteResponse<Route>>(method, path, sent);
}

/** The typed fetch client of the Entente HTTP API (same origin, JSON). */
export const api = {
  /** A route of the contract, typed by its name: `api.call("GET /api/partnerships/:id", { id })`. */
  call,
  /* Below: calls typed by hand, for routes not in the contract yet. */
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  delete: <T = void>(path: string) => request<T>("DELETE", path),
};
