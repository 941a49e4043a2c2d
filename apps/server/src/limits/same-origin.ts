/**
 * Cross-site request check: a browser always sends `Origin` on cross-origin requests
 * and WebSocket upgrades. Allowed: no Origin (not a browser, or a same-origin GET),
 * the public origin, or an origin whose host is the host the request was sent to.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  publicOrigin: string,
): boolean {
  if (origin === undefined) return true;
  if (origin === publicOrigin) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
