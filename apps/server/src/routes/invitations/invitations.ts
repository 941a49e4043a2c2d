import type { InvitationSignupResponse } from "@entente/protocol";
import { Hono } from "hono";
import { hashPassword } from "../../auth/password.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth, setSessionCookie } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import {
  AcceptInvitationBody,
  InvitationParams,
  InvitationSignupBody,
} from "@entente/protocol/schemas";

export function invitationRoutes(services: Services): Hono<AppEnv> {
  const { invitations, membership, sessions } = services;
  const secure = services.env.PUBLIC_ORIGIN.startsWith("https:");

  return new Hono<AppEnv>()
    .get("/:token", async (c) => {
      // No session needed: the link is the key, and whoever holds it must see who invites
      // them before creating an account.
      const { token } = parseOrThrow(InvitationParams, c.req.param());
      return c.json({ invitation: await invitations.preview(token) });
    })
    .post("/:token/signup", async (c) => {
      const { token } = parseOrThrow(InvitationParams, c.req.param());
      const body = await readJson(c, InvitationSignupBody);
      const { user, accepted, organization } = await invitations.signUp(token, {
        email: body.email,
        name: body.name,
        passwordHash: await hashPassword(body.password),
        organizationName: body.organizationName,
      });
      const { token: sessionToken, session } = await sessions.create(user.id);
      setSessionCookie(c, sessionToken, session, secure);
      await membership.joined(user.id, accepted);
      const response: InvitationSignupResponse = {
        user,
        partnership: accepted.partnership,
        organization,
      };
      return c.json(response, 201);
    })
    .post("/:token/accept", async (c) => {
      const { user } = requireAuth(c);
      const { token } = parseOrThrow(InvitationParams, c.req.param());
      const body = await readJson(c, AcceptInvitationBody);
      const accepted = await invitations.accept(token, user.id, body.organizationId);
      await membership.joined(user.id, accepted);
      return c.json({ partnership: accepted.partnership });
    });
}
