import type { DigestResponse } from "@entente/protocol";
import { Hono } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { parseOrThrow } from "../../http/validate.js";
import { DigestQuery } from "@entente/protocol/schemas";

/**
 * `GET /api/partnerships/:id/digest?period=day|week`: the digest the caller's organization
 * would get now, in the caller's e-mail language. Any member.
 */
export function digestRoutes({ access, digests, preferences }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/:id/digest", async (c) => {
    const { user, id, seat } = await requirePartnershipSeat(c, access);
    const { period } = parseOrThrow(DigestQuery, c.req.query());
    const { language } = await preferences.get(user.id);
    const body: DigestResponse = {
      digest: await digests.digest(id, seat.organizationId, period, new Date(), language ?? "en"),
    };
    return c.json(body);
  });
}
