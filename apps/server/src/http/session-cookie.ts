import { LANGUAGE_COOKIE, SESSION_COOKIE, type Language } from "@entente/protocol";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { languageOf } from "../auth/app-language.js";
import type { Session, SessionService } from "../auth/sessions.js";
import type { AppEnv } from "./context.js";
import { DomainError } from "../domain-error.js";

export function setSessionCookie(
  c: Context,
  token: string,
  session: Session,
  secure: boolean,
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure,
    path: "/",
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure, httpOnly: true, sameSite: "Lax" });
}

/**
 * Loads the session named by the cookie (if any) into `c.var.auth`, renewing it when due.
 * A signed-in request whose language cookie names another language than the user's stored
 * one hands it to `recordAppLanguage` (e-mails follow the app's language).
 */
export function sessionMiddleware(
  sessions: SessionService,
  secure: boolean,
  recordAppLanguage?: (userId: string, language: Language) => Promise<void>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const valid = token ? await sessions.validate(token) : null;
    if (token && !valid) clearSessionCookie(c, secure);
    if (token && valid?.renewed) setSessionCookie(c, token, valid.session, secure);
    const language = languageOf(getCookie(c, LANGUAGE_COOKIE));
    if (valid && language && language !== valid.appLanguage && recordAppLanguage) {
      await recordAppLanguage(valid.user.id, language);
    }
    c.set("auth", valid ? { session: valid.session, user: valid.user } : null);
    await next();
  };
}

/** The signed-in user, or a 401. */
export function requireAuth(c: Context<AppEnv>): NonNullable<AppEnv["Variables"]["auth"]> {
  const auth = c.get("auth");
  if (!auth) throw DomainError.unauthorized();
  return auth;
}
