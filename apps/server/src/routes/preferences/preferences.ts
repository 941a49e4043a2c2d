import type { NotificationPreferencesResponse } from "@entente/protocol";
import { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { readJson } from "../../http/validate.js";
import { UpdatePreferencesBody } from "@entente/protocol/schemas";

/** The caller's notification preferences under `/api/me/notification-preferences`. */
export function preferenceRoutes({ preferences }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const { user } = requireAuth(c);
      const body: NotificationPreferencesResponse = { preferences: await preferences.get(user.id) };
      return c.json(body);
    })
    .put("/", async (c) => {
      const { user } = requireAuth(c);
      const changes = await readJson(c, UpdatePreferencesBody);
      const body: NotificationPreferencesResponse = {
        preferences: await preferences.update(user.id, changes),
      };
      return c.json(body);
    });
}
