import { SESSION_COOKIE } from "@entente/protocol";

export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON request to a running server, with an optional session cookie. */
export async function fetchJson<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  const response = await fetch(baseUrl + path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as T) : (undefined as T),
    headers: response.headers,
  };
}

/** Signs a new user up on a running server: its id and `name=value` session cookie. */
export async function signUpOver(
  baseUrl: string,
  name: string,
): Promise<{ id: string; cookie: string }> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${Math.random().toString(36).slice(2)}@example.test`;
  const response = await fetchJson(baseUrl, "POST", "/api/auth/signup", {
    email,
    password: "correct horse battery",
    name,
  });
  if (response.status !== 201) throw new Error(`signup failed ${JSON.stringify(response.body)}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return { id: response.body.user.id as string, cookie: (cookie ?? "").split(";")[0] ?? "" };
}
