import type {
  OrganizationInvitationListResponse,
  OrganizationInvitationResponse,
} from "@entente/protocol";
import { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow } from "../../http/validate.js";
import { PartnershipParams } from "@entente/protocol/schemas";
import { OrganizationInvitationParams } from "@entente/protocol/schemas";
import { requireAdmin } from "../../access/policies.js";

/**
 * Organization invitations waiting for consent: partnership admins list them and approve
 * them for their own organization (the seat's, never one the request names).
 */
export function organizationInvitationRoutes({
  access,
  invitations,
  membership,
}: Services): Hono<AppEnv> {
  const requireAdminSeat = async (userId: string, partnershipId: string) => {
    const seat = await access.requireSeat(userId, partnershipId);
    requireAdmin(seat, "Only a partnership admin can see and approve invitations");
    return seat;
  };

  return new Hono<AppEnv>()
    .get("/:id/organization-invitations", async (c) => {
      const { user } = requireAuth(c);
      const { id } = parseOrThrow(PartnershipParams, c.req.param());
      await requireAdminSeat(user.id, id);
      const body: OrganizationInvitationListResponse = {
        invitations: await invitations.listForApproval(id),
      };
      return c.json(body);
    })
    .post("/:id/organization-invitations/:invitationId/approve", async (c) => {
      const { user } = requireAuth(c);
      const { id, invitationId } = parseOrThrow(OrganizationInvitationParams, c.req.param());
      const seat = await requireAdminSeat(user.id, id);
      const body: OrganizationInvitationResponse = {
        invitation: await invitations.approve(id, invitationId, {
          userId: user.id,
          organizationId: seat.organizationId,
        }),
      };
      membership.invitationChanged(id, seat.organizationId, "invitation_approved");
      return c.json(body);
    });
}
