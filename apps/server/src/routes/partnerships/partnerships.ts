import { formatDocumentName, partnershipDocuments } from "@entente/domain";
import type { CreateInvitationResponse, PartnershipResponse } from "@entente/protocol";
import { Hono } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { DomainError } from "../../domain-error.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import {
  CreateInvitationBody,
  CreatePartnershipBody,
  MemberParams,
  PartnershipParams,
} from "@entente/protocol/schemas";
import { accessTo, can, requireAdmin } from "../../access/policies.js";

export function partnershipRoutes(services: Services): Hono<AppEnv> {
  const { access, partnerships, invitations } = services;

  return new Hono<AppEnv>()
    .post("/", async (c) => {
      const { user } = requireAuth(c);
      const body = await readJson(c, CreatePartnershipBody);
      const own = await access.organizationSeat(user.id, body.organizationId);
      if (!own || !can(own, "start a partnership")) {
        throw DomainError.forbidden(
          "Only an editor or admin of the organization can start a partnership",
        );
      }
      const partnership = await services.onboarding.startPartnership(
        { userId: user.id, organizationId: body.organizationId },
        { name: body.name, template: body.template },
      );
      return c.json({ partnership }, 201);
    })
    .get("/:id", async (c) => {
      const { id, seat } = await requirePartnershipSeat(c, access);
      const { partnership, organizations, members } = await partnerships.directory(id);
      const documents = partnershipDocuments(
        id,
        organizations.map((o) => o.id),
      ).flatMap((ref) => {
        const level = accessTo(seat, ref);
        return level === "none" ? [] : [{ name: formatDocumentName(ref), access: level }];
      });
      const body: PartnershipResponse = {
        partnership,
        organizations,
        members,
        documents,
      };
      return c.json(body);
    })
    .post("/:id/invitations", async (c) => {
      const { user } = requireAuth(c);
      const { id } = parseOrThrow(PartnershipParams, c.req.param());
      const body = await readJson(c, CreateInvitationBody);
      const seat = await access.requireSeat(user.id, id);
      requireAdmin(seat, "Only a partnership admin can invite");
      if (body.kind === "member") {
        if ((body.organizationId ?? seat.organizationId) !== seat.organizationId) {
          throw DomainError.forbidden("You can only invite members into your own organization");
        }
        // Joining an organization is the organization's call, not only the partnership's.
        const own = await access.organizationSeat(user.id, seat.organizationId);
        if (!own || !can(own, "run the organization")) {
          throw DomainError.forbidden(
            "Only an admin of your organization can invite members into it",
          );
        }
      }
      const invitation = await invitations.create({
        partnershipId: id,
        kind: body.kind,
        role: body.role,
        level: body.level ?? (body.kind === "organization" ? "strategic" : "operational"),
        organizationId: body.kind === "member" ? seat.organizationId : null,
        createdBy: user.id,
        inviterOrganizationId: seat.organizationId,
        publicOrigin: services.env.PUBLIC_ORIGIN,
        email: body.email,
      });
      services.membership.invitationChanged(id, seat.organizationId, "invitation_created");
      const response: CreateInvitationResponse = { invitation };
      if (body.email !== undefined) {
        response.email = await services.invitationMail.email(c.get("logger"), {
          address: body.email,
          language: body.language,
          partnershipId: id,
          inviterId: user.id,
          inviterOrganizationId: seat.organizationId,
          kind: invitation.kind,
          role: invitation.role,
          url: invitation.url,
          expiresAt: invitation.expiresAt,
        });
      }
      return c.json(response, 201);
    })
    .delete("/:id/members/:userId", async (c) => {
      const { user } = requireAuth(c);
      const { id, userId } = parseOrThrow(MemberParams, c.req.param());
      const seat = await access.requireSeat(user.id, id);
      const target = await access.seat(userId, id);
      if (!target) throw DomainError.notFound("No such member");
      // An organization manages its own people; anyone may leave.
      const leaving = userId === user.id;
      if (!can(seat, "remove member", { organizationId: target.organizationId, leaving })) {
        throw DomainError.forbidden("Only an admin of their organization can remove a member");
      }
      await partnerships.removeMember(id, userId, target);
      services.liveSockets.closePartnershipAccess(userId, id);
      await services.membership.left(
        id,
        { userId, organizationId: target.organizationId },
        { userId: user.id, organizationId: seat.organizationId },
      );
      return c.body(null, 204);
    });
}
