import type { Context } from "hono";
import type { IncomingMessage } from "node:http";

/** The peer address of the request's socket ("unknown" for in-memory requests). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket.remoteAddress ?? "unknown";
}
