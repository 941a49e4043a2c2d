import { Hono } from "hono";
import { acceptInvitation, previewInvitation } from "../../access/invitations.js";
import type { AppEnv, Services } from "../../http/context.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import { AcceptInvitationBody, InvitationParams } from "./schema.js";

export function invitationRoutes({ db, notifications }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/:token", async (c) => {
      requireAuth(c);
      const { token } = parseOrThrow(InvitationParams, c.req.param());
      return c.json({ invitation: await previewInvitation(db, token) });
    })
    .post("/:token/accept", async (c) => {
      const { user } = requireAuth(c);
      const { token } = parseOrThrow(InvitationParams, c.req.param());
      const body = await readJson(c, AcceptInvitationBody);
      const { partnership, joinedOrganization, invitedBy } = await acceptInvitation(
        db,
        token,
        user.id,
        body.organizationId,
      );
      if (joinedOrganization) {
        // Everyone already in is told who joined, except who asked for it (the inviter) and
        // who did it (the accepting admin).
        const members = await db
          .selectFrom("partnership_members")
          .select("user_id")
          .where("partnership_id", "=", partnership.id)
          .where("user_id", "!=", invitedBy)
          .execute();
        await notifications.notifyUsers(
          {
            partnershipId: partnership.id,
            actorUserId: user.id,
            subject: {
              kind: "item",
              item: {
                kind: "organization",
                id: joinedOrganization.id,
                title: joinedOrganization.name,
              },
              actorOrganizationId: joinedOrganization.id,
            },
          },
          members.map((m) => m.user_id),
          "organization_joined",
          true,
        );
      }
      return c.json({ partnership });
    });
}
