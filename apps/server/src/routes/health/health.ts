import { Hono } from "hono";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { AppEnv } from "../../http/context.js";

/**
 * 200 `{status: "ok"}` while the database answers; while it is away (a restart, a
 * failover) the query fails and `app.onError` answers 503 `unavailable`, so a load
 * balancer or orchestrator sees the instance's real state.
 */
export function healthRoutes(db: Kysely<Database>): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/", async (c) => {
    await sql`SELECT 1`.execute(db);
    return c.json({ status: "ok" });
  });
}
