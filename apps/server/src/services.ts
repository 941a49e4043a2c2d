import { AccessService } from "./access/access-service.js";
import { SessionService } from "./auth/sessions.js";
import type { Store } from "./db/database.js";
import type { Services } from "./http/context.js";

/** The request-side services over one store. */
export function createServices(
  store: Store,
  publicOrigin: string,
  onSessionEnded: (sessionId: string) => void = () => {},
): Services {
  return {
    env: { PUBLIC_ORIGIN: publicOrigin },
    db: store.db,
    sessions: new SessionService(store.db),
    access: new AccessService(store.db),
    onSessionEnded,
  };
}
