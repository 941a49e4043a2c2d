import type { Env as HonoEnv } from "hono";
import type { Kysely } from "kysely";
import type { UserView } from "@entente/protocol";
import type { AccessService } from "../access/access-service.js";
import type { Session, SessionService } from "../auth/sessions.js";
import type { Database } from "../db/schema.js";
import type { Env } from "../env.js";

/** Everything a route needs, built once in `createApp`'s caller and passed down. */
export interface Services {
  env: Pick<Env, "PUBLIC_ORIGIN">;
  db: Kysely<Database>;
  sessions: SessionService;
  access: AccessService;
  /** Told when a session ends, so live sockets of that session close too. */
  onSessionEnded(sessionId: string): void;
}

export interface AppEnv extends HonoEnv {
  Variables: {
    auth: { session: Session; user: UserView } | null;
  };
}
