import type { ErrorBody } from "@entente/protocol";

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

/** The typed fetch client of the Entente HTTP API (same origin, JSON). */
export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  delete: <T = void>(path: string) => request<T>("DELETE", path),
};
