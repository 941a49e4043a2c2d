import type { UserView } from "@entente/protocol";
import { PartnershipParams } from "@entente/protocol/schemas";
import type { Context } from "hono";
import type { AccessService, Seat } from "../access/access-service.js";
import type { AppEnv } from "../http/context.js";
import { requireAuth } from "../http/session-cookie.js";
import { parseOrThrow } from "../http/validate.js";

/** Who asks about the partnership a route's `:id` names, and where they sit in it. */
export interface PartnershipCaller {
  user: UserView;
  /** The partnership's id. */
  id: string;
  seat: Seat;
}

/**
 * The signed-in user (else a 401), the partnership the path names (else a 400) and the
 * user's seat in it (else a 404): what every route under `/api/partnerships/:id` checks
 * first.
 */
export async function requirePartnershipSeat(
  c: Context<AppEnv>,
  access: AccessService,
): Promise<PartnershipCaller> {
  const { user } = requireAuth(c);
  const { id } = parseOrThrow(PartnershipParams, c.req.param());
  const seat = await access.requireSeat(user.id, id);
  return { user, id, seat };
}
