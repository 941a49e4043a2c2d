import type { SentInvitationListResponse, SentInvitationResponse } from "@entente/protocol";
import { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import { PartnershipParams } from "@entente/protocol/schemas";
import { RevokeInvitationBody, SentInvitationParams } from "@entente/protocol/schemas";
import { requireAdmin } from "../../access/policies.js";

/**
 * The invitations an organization made in a partnership, with their status, and revoking
 * them: for the partnership admins of that organization (the seat's, never one the
 * request names).
 */
export function sentInvitationRoutes({ access, invitations, membership }: Services): Hono<AppEnv> {
  const requireAdminSeat = async (userId: string, partnershipId: string) => {
    const seat = await access.requireSeat(userId, partnershipId);
    requireAdmin(seat, "Only a partnership admin can see and revoke invitations");
    return seat;
  };

  return new Hono<AppEnv>()
    .get("/:id/invitations", async (c) => {
      const { user } = requireAuth(c);
      const { id } = parseOrThrow(PartnershipParams, c.req.param());
      const seat = await requireAdminSeat(user.id, id);
      const body: SentInvitationListResponse = {
        invitations: await invitations.listSent(id, seat.organizationId),
      };
      return c.json(body);
    })
    .post("/:id/invitations/:invitationId/revoke", async (c) => {
      const { user } = requireAuth(c);
      const { id, invitationId } = parseOrThrow(SentInvitationParams, c.req.param());
      await readJson(c, RevokeInvitationBody);
      const seat = await requireAdminSeat(user.id, id);
      const body: SentInvitationResponse = {
        invitation: await invitations.revoke(id, invitationId, {
          userId: user.id,
          organizationId: seat.organizationId,
        }),
      };
      membership.invitationChanged(id, seat.organizationId, "invitation_revoked");
      return c.json(body);
    });
}
