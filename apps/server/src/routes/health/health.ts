import { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";

/**
 * 200 `{status: "ok"}` while the database answers; while it is away (a restart, a
 * failover) the query fails and `app.onError` answers 503 `unavailable`, so a load
 * balancer or orchestrator sees the instance's real state.
 */
export function healthRoutes({ storeProbe }: Pick<Services, "storeProbe">): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/", async (c) => {
    await storeProbe.ping();
    return c.json({ status: "ok" });
  });
}
