import type { Env as HonoEnv } from "hono";
import type { UserView } from "@entente/protocol";
import type { Session } from "../auth/sessions.js";
import type { RequestLogVariables } from "../observability/request-logger.js";

/**
 * The Hono env of every request: its id and logger, and who is signed in. The services a
 * router needs come to it as an argument (`Services`, services.ts), not through the context.
 */
export interface AppEnv extends HonoEnv {
  Variables: RequestLogVariables & {
    auth: { session: Session; user: UserView } | null;
  };
}
