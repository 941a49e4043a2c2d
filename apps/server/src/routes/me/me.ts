import type { MeResponse } from "@entente/protocol";
import { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";

export function meRoutes({ organizations: orgs, partnerships: seats }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/", async (c) => {
    const { user } = requireAuth(c);
    const organizations = await orgs.ofUser(user.id);
    const partnerships = await seats.ofUser(user.id, "newest first");
    const body: MeResponse = {
      user,
      organizations,
      partnerships: partnerships.map((p) => ({
        id: p.id,
        name: p.name,
        createdAt: new Date(p.created_at).toISOString(),
        organizationId: p.organization_id,
        permission: p.permission,
        level: p.level,
      })),
    };
    return c.json(body);
  });
}
