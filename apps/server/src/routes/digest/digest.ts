import type { DigestResponse } from "@entente/protocol";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow } from "../../http/validate.js";
import { PartnershipParams } from "@entente/protocol/schemas";

export const DigestQuery = z.strictObject({ period: z.enum(["day", "week"]).default("week") });

/**
 * `GET /api/partnerships/:id/digest?period=day|week`: the digest the caller's organization
 * would get now, in the caller's e-mail language. Any member.
 */
export function digestRoutes({ access, digests, preferences }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/:id/digest", async (c) => {
    const { user } = requireAuth(c);
    const { id } = parseOrThrow(PartnershipParams, c.req.param());
    const seat = await access.requireSeat(user.id, id);
    const { period } = parseOrThrow(DigestQuery, c.req.query());
    const { language } = await preferences.get(user.id);
    const body: DigestResponse = {
      digest: await digests.digest(id, seat.organizationId, period, new Date(), language ?? "en"),
    };
    return c.json(body);
  });
}
