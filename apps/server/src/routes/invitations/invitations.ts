import { Hono } from "hono";
import { acceptInvitation, previewInvitation } from "../../access/invitations.js";
import type { AppEnv, Services } from "../../http/context.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import { AcceptInvitationBody, InvitationParams } from "./schema.js";

export function invitationRoutes({ db }: Services): Hono<AppEnv> {
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
      const partnership = await acceptInvitation(db, token, user.id, body.organizationId);
      return c.json({ partnership });
    });
}
