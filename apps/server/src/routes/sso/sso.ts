import type { SsoSettingsResponse, SsoStartResponse } from "@entente/protocol";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { DomainError } from "../../domain-error.js";
import { requireAuth, setSessionCookie } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import { SsoRefused } from "../../sso/sso-sign-in.js";
import { OrganizationParam, SsoSettingsBody, SsoStartBody } from "@entente/protocol/schemas";
import { can } from "../../access/policies.js";

/** Binds the provider's answer to the browser that started the sign-in. */
const SIGN_IN_COOKIE = "entente_sso";
const SIGN_IN_COOKIE_PATH = "/api/auth/sso";

/** 403 unless the user is an admin of the organization (members of others included). */
async function requireOrganizationAdmin(
  services: Services,
  organizationId: string,
  userId: string,
) {
  const seat = await services.access.organizationSeat(userId, organizationId);
  if (!seat || !can(seat, "run the organization")) {
    throw DomainError.forbidden("Only an admin of the organization manages its sign-in");
  }
}

/** `/api/organizations/:id/sso`: an organization's provider, for its admins only. */
export function organizationSsoRoutes(services: Services): Hono<AppEnv> {
  const { ssoSettings } = services;
  const answer = async (organizationId: string): Promise<SsoSettingsResponse> => ({
    sso: await ssoSettings.read(organizationId),
    redirectUri: ssoSettings.redirectUri,
    available: ssoSettings.available,
  });

  return new Hono<AppEnv>()
    .get("/:id/sso", async (c) => {
      const { user } = requireAuth(c);
      const { id } = parseOrThrow(OrganizationParam, c.req.param());
      await requireOrganizationAdmin(services, id, user.id);
      return c.json(await answer(id));
    })
    .put("/:id/sso", async (c) => {
      const { user } = requireAuth(c);
      const { id } = parseOrThrow(OrganizationParam, c.req.param());
      await requireOrganizationAdmin(services, id, user.id);
      const body = await readJson(c, SsoSettingsBody);
      await ssoSettings.save(id, user.id, {
        issuer: body.issuer,
        clientId: body.clientId,
        domains: body.domains,
        passwordSignIn: body.passwordSignIn,
        ...(body.clientSecret === undefined ? {} : { clientSecret: body.clientSecret }),
      });
      return c.json(await answer(id));
    })
    .delete("/:id/sso", async (c) => {
      const { user } = requireAuth(c);
      const { id } = parseOrThrow(OrganizationParam, c.req.param());
      await requireOrganizationAdmin(services, id, user.id);
      await ssoSettings.remove(id);
      return c.body(null, 204);
    });
}

/** `/api/auth/sso`: "Continue with single sign-on" and the provider's answer. */
export function ssoSignInRoutes(services: Services): Hono<AppEnv> {
  const { ssoSignIn, sessions } = services;
  const secure = services.env.PUBLIC_ORIGIN.startsWith("https:");

  return new Hono<AppEnv>()
    .post("/start", async (c) => {
      const body = await readJson(c, SsoStartBody);
      const started = await ssoSignIn.start(body.email, body.next ?? "/");
      setCookie(c, SIGN_IN_COOKIE, started.browserToken, {
        httpOnly: true,
        // Lax: the cookie comes back on the provider's top-level redirect to the callback.
        sameSite: "Lax",
        secure,
        path: SIGN_IN_COOKIE_PATH,
        maxAge: 10 * 60,
      });
      const response: SsoStartResponse = { redirectUrl: started.redirectUrl };
      return c.json(response);
    })
    .get("/callback", async (c) => {
      const browserToken = getCookie(c, SIGN_IN_COOKIE);
      deleteCookie(c, SIGN_IN_COOKIE, { path: SIGN_IN_COOKIE_PATH, secure, httpOnly: true });
      try {
        const { userId, next } = await ssoSignIn.finish(browserToken, new URL(c.req.url));
        const { token, session } = await sessions.create(userId);
        setSessionCookie(c, token, session, secure);
        return c.redirect(next, 302);
      } catch (error) {
        if (!(error instanceof SsoRefused)) throw error;
        c.get("logger").warn({ reason: error.reason, detail: error.message }, "sso refused");
        return c.redirect(`/login?sso_error=${error.reason}`, 302);
      }
    });
}
