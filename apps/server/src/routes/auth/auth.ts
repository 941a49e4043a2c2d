import { Hono } from "hono";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "../../auth/password.js";
import { clientAddress } from "../../http/client-address.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { DomainError } from "../../domain-error.js";
import { clearSessionCookie, setSessionCookie } from "../../http/session-cookie.js";
import { readJson } from "../../http/validate.js";
import { newId } from "../../ids.js";
import { LoginBody, SignupBody } from "@entente/protocol/schemas";

export function authRoutes(services: Services): Hono<AppEnv> {
  const { accounts, sessions } = services;
  const secure = services.env.PUBLIC_ORIGIN.startsWith("https:");

  return new Hono<AppEnv>()
    .post("/signup", async (c) => {
      const body = await readJson(c, SignupBody);
      const user = { id: newId(), email: body.email, name: body.name };
      // The unique e-mail decides, so two concurrent signups cannot both pass a check.
      const created = await accounts.create(user, await hashPassword(body.password));
      if (!created) {
        throw new DomainError("email_taken", "An account with this e-mail exists");
      }
      const { token, session } = await sessions.create(user.id);
      setSessionCookie(c, token, session, secure);
      return c.json({ user }, 201);
    })
    .post("/login", async (c) => {
      const body = await readJson(c, LoginBody);
      const address = clientAddress(c, services.env.TRUST_PROXY);
      const attempt = await services.loginThrottle.begin(body.email, address);
      if (!attempt.allowed) {
        services.metrics.loginRateLimited();
        c.header("Retry-After", String(Math.ceil(attempt.retryAfterMs / 1000)));
        throw new DomainError("rate_limited", "Too many failed sign-in attempts; try again later");
      }
      const row = await accounts.byEmail(body.email);
      const ok = row
        ? await verifyPassword(row.password_hash, body.password)
        : await verifyAgainstDecoy(body.password);
      if (!row || !ok) {
        await attempt.failed();
        throw new DomainError("invalid_credentials", "Wrong e-mail or password");
      }
      await attempt.succeeded();
      // Checked after the password, so it tells nothing to whoever does not know it.
      if (await services.passwordPolicy.signInDisabledFor(row.id)) {
        throw new DomainError(
          "password_sign_in_disabled",
          "Your organization signs in with single sign-on only",
        );
      }
      const { token, session } = await sessions.create(row.id);
      setSessionCookie(c, token, session, secure);
      return c.json({ user: { id: row.id, email: row.email, name: row.name } });
    })
    .post("/logout", async (c) => {
      const auth = c.get("auth");
      if (auth) {
        await sessions.invalidate(auth.session.id);
        services.liveSockets.closeSession(auth.session.id);
      }
      clearSessionCookie(c, secure);
      return c.body(null, 204);
    });
}
