import { AccessService } from "./access/access-service.js";
import { RateLimiter, type RateLimit } from "./limits/rate-limiter.js";
import { SessionService } from "./auth/sessions.js";
import type { Store } from "./db/database.js";
import type { LiveSockets, Services } from "./http/context.js";

/** Failed logins allowed before 429: per account, and per client address. */
export const DEFAULT_LOGIN_LIMITS: { perAccount: RateLimit; perAddress: RateLimit } = {
  perAccount: { max: 10, windowMs: 15 * 60_000 },
  perAddress: { max: 100, windowMs: 15 * 60_000 },
};

/** The request-side services over one store. */
export function createServices(
  store: Store,
  publicOrigin: string,
  liveSockets: LiveSockets,
  loginLimits = DEFAULT_LOGIN_LIMITS,
): Services {
  return {
    loginLimits: {
      perAccount: new RateLimiter(loginLimits.perAccount),
      perAddress: new RateLimiter(loginLimits.perAddress),
    },
    env: { PUBLIC_ORIGIN: publicOrigin },
    db: store.db,
    sessions: new SessionService(store.db),
    access: new AccessService(store.db),
    liveSockets,
  };
}
