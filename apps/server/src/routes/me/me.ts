import type { MeResponse } from "@entente/protocol";
import { Hono } from "hono";
import { partnershipsOfUser } from "../../access/memberships.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";

export function meRoutes({ db }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/", async (c) => {
    const { user } = requireAuth(c);
    const organizations = await db
      .selectFrom("organization_members")
      .innerJoin("organizations", "organizations.id", "organization_members.organization_id")
      .select(["organizations.id", "organizations.name", "organization_members.role"])
      .where("organization_members.user_id", "=", user.id)
      .execute();
    const partnerships = await partnershipsOfUser(db, user.id, "newest first");
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
