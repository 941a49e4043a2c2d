import type { Context } from "hono";
import type { IncomingMessage } from "node:http";

/**
 * Where a request came from: the socket's peer, or, behind a load balancer the
 * operator trusts (`TRUST_PROXY`), the address that proxy appended last to
 * `X-Forwarded-For`. Earlier entries are whatever the client claimed, never trusted.
 */
export function requestAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  if (trustProxy && header) {
    const last = header.split(",").at(-1)?.trim();
    if (last) return last;
  }
  return socketAddress ?? "unknown";
}

/** The client address of an HTTP request ("unknown" for in-memory requests without a proxy). */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return requestAddress(
    env?.incoming?.socket.remoteAddress,
    c.req.header("x-forwarded-for"),
    trustProxy,
  );
}
