import { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";

export function healthRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/", (c) => c.json({ status: "ok" }));
}
