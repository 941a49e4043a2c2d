import type { ActivityResponse } from "@entente/protocol";
import { Hono } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { parseOrThrow } from "../../http/validate.js";
import { ActivityQuery } from "@entente/protocol/schemas";

/** `GET /api/partnerships/:id/activity`: who changed what, newest first. Any member. */
export function activityRoutes({ access, activity }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/:id/activity", async (c) => {
    const { id, seat } = await requirePartnershipSeat(c, access);
    const query = parseOrThrow(ActivityQuery, c.req.query());
    const body: ActivityResponse = await activity.list(
      seat,
      await access.organizationIds(id),
      query,
    );
    return c.json(body);
  });
}
