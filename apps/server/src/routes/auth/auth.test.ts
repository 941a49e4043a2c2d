import { SESSION_COOKIE } from "@entente/protocol";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../app.js";
import { SESSION_LIFETIME_MS, SessionService } from "../../auth/sessions.js";
import { createServices } from "../../services.js";
import { sessionCookieFrom } from "../../test/api-harness.js";
import { useApiHarness } from "../../test/partnership-harness.js";

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = "correct horse battery";

/** The full Set-Cookie line of the session cookie, attributes included. */
function sessionSetCookie(headers: Headers): string {
  const line = headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!line) throw new Error("no session cookie set");
  return line;
}

function tokenOf(cookie: string): string {
  return cookie.slice(`${SESSION_COOKIE}=`.length);
}

function errorOf(code: string) {
  return { error: { code, message: expect.any(String) } };
}

describe("auth routes", () => {
  const ctx = useApiHarness();

  const signup = (body: unknown) => ctx.harness.request("POST", "/api/auth/signup", { body });
  const login = (body: unknown) => ctx.harness.request("POST", "/api/auth/login", { body });
  const sessionRows = () => ctx.harness.store.db.selectFrom("sessions").selectAll().execute();

  describe("POST /api/auth/signup", () => {
    it("creates the user and answers 201 {user} with a normalized e-mail", async () => {
      const response = await signup({
        email: "  Ada@Example.TEST ",
        password: PASSWORD,
        name: " Ada ",
      });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        user: {
          id: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
          email: "ada@example.test",
          name: "Ada",
        },
      });
      const row = await ctx.harness.store.db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", response.body.user.id)
        .executeTakeFirstOrThrow();
      expect(row.email).toBe("ada@example.test");
      // The password is hashed, never stored as given.
      expect(row.password_hash).not.toContain(PASSWORD);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });

    it("marks the cookie Secure when the public origin is https, and only then", async () => {
      const plain = await signup({ email: "plain@example.test", password: PASSWORD, name: "P" });
      expect(sessionSetCookie(plain.headers)).not.toContain("Secure");

      const services = createServices({
        store: ctx.harness.store,
        publicOrigin: "https://entente.example",
        liveSockets: {
          closeSession: () => {},
          closePartnershipAccess: () => {},
          closeDocument: () => {},
        },
      });
      const response = await createApp(services).request("/api/auth/signup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "tls@example.test", password: PASSWORD, name: "T" }),
      });
      expect(response.status).toBe(201);
      expect(sessionSetCookie(response.headers)).toContain("Secure");
    });

    it("sets an HttpOnly, SameSite=Lax, Path=/ session cookie that expires in about 30 days", async () => {
      const before = Date.now();
      const response = await signup({ email: "ada@example.test", password: PASSWORD, name: "Ada" });

      const line = sessionSetCookie(response.headers);
      const attributes = line.split(";").map((part) => part.trim());
      expect(attributes).toContain("HttpOnly");
      expect(attributes).toContain("SameSite=Lax");
      expect(attributes).toContain("Path=/");
      // The test origin is http:, so the cookie cannot be Secure.
      expect(attributes).not.toContain("Secure");
      const expires = attributes.find((a) => a.startsWith("Expires="));
      expect(expires).toBeDefined();
      const expiresAt = Date.parse((expires ?? "").slice("Expires=".length));
      // Expires has second precision.
      expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * DAY - 1000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * DAY + 1000);
    });

    it("stores only the SHA-256 hex of the session token, never the token", async () => {
      const response = await signup({ email: "ada@example.test", password: PASSWORD, name: "Ada" });
      const token = tokenOf(sessionCookieFrom(response.headers));

      const rows = await sessionRows();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.id).toBe(SessionService.idOf(token));
      expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]?.user_id).toBe(response.body.user.id);
      expect(rows.some((r) => r.id === token)).toBe(false);
    });

    it("signs the new user in: the cookie opens /api/me", async () => {
      const response = await signup({ email: "ada@example.test", password: PASSWORD, name: "Ada" });

      const me = await ctx.harness.request("GET", "/api/me", {
        cookie: sessionCookieFrom(response.headers),
      });
      expect(me.status).toBe(200);
      expect(me.body.user).toEqual(response.body.user);
    });

    it("answers 409 email_taken for an e-mail already in use", async () => {
      await signup({ email: "ada@example.test", password: PASSWORD, name: "Ada" });

      const again = await signup({
        email: "ada@example.test",
        password: "another password",
        name: "Other",
      });

      expect(again.status).toBe(409);
      expect(again.body).toEqual(errorOf("email_taken"));
      expect(again.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(
        false,
      );
    });

    it("answers 409 email_taken when the e-mail differs only by case", async () => {
      await signup({ email: "ada@example.test", password: PASSWORD, name: "Ada" });

      const again = await signup({
        email: "ADA@Example.Test",
        password: PASSWORD,
        name: "Ada again",
      });

      expect(again.status).toBe(409);
      expect(again.body).toEqual(errorOf("email_taken"));
      const users = await ctx.harness.store.db.selectFrom("users").select("id").execute();
      expect(users).toHaveLength(1);
    });

    // The argon2 hash takes a while: a check-then-insert would let both pass and the
    // second INSERT would hit the UNIQUE constraint as a 500.
    it("answers 409 email_taken, never 500, to two concurrent signups with one e-mail", async () => {
      const [first, second] = await Promise.all([
        signup({ email: "race@example.test", password: PASSWORD, name: "One" }),
        signup({ email: "race@example.test", password: PASSWORD, name: "Two" }),
      ]);

      expect([first.status, second.status].sort()).toEqual([201, 409]);
      expect([first, second].find((r) => r.status === 409)?.body).toEqual(errorOf("email_taken"));
      const users = await ctx.harness.store.db.selectFrom("users").select("id").execute();
      expect(users).toHaveLength(1);
    });

    it.each([
      ["an invalid e-mail", { email: "not-an-email", password: PASSWORD, name: "Ada" }],
      ["a short password", { email: "ada@example.test", password: "short", name: "Ada" }],
      ["a blank name", { email: "ada@example.test", password: PASSWORD, name: "   " }],
      ["a missing name", { email: "ada@example.test", password: PASSWORD }],
      ["a numeric password", { email: "ada@example.test", password: 12345678, name: "Ada" }],
    ])("answers 400 invalid_input to %s and creates nobody", async (_label, body) => {
      const response = await signup(body);

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject(errorOf("invalid_input"));
      expect(await ctx.harness.store.db.selectFrom("users").select("id").execute()).toHaveLength(0);
    });

    it("names the offending field in the 400 details", async () => {
      const response = await signup({ email: "ada@example.test", password: "short", name: "Ada" });

      expect(response.body.error.details).toEqual([
        { path: "password", message: expect.any(String) },
      ]);
    });

    it("answers 400 invalid_json to a malformed body", async () => {
      const response = await signup('{"email": "ada@example.test",');

      expect(response.status).toBe(400);
      expect(response.body).toEqual(errorOf("invalid_json"));
    });
  });

  describe("POST /api/auth/login", () => {
    let userId: string;

    beforeEach(async () => {
      const response = await signup({ email: "ada@example.test", password: PASSWORD, name: "Ada" });
      userId = response.body.user.id as string;
    });

    it("answers 200 {user} and sets a new session cookie", async () => {
      const response = await login({ email: "ada@example.test", password: PASSWORD });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        user: { id: userId, email: "ada@example.test", name: "Ada" },
      });
      const cookie = sessionCookieFrom(response.headers);
      const line = sessionSetCookie(response.headers);
      expect(line).toContain("HttpOnly");
      expect(line).toContain("SameSite=Lax");
      expect(line).toContain("Path=/");
      const me = await ctx.harness.request("GET", "/api/me", { cookie });
      expect(me.status).toBe(200);
      expect(me.body.user.id).toBe(userId);
      // Signup's session and this one.
      expect(await sessionRows()).toHaveLength(2);
      expect((await sessionRows()).map((r) => r.id)).toContain(
        SessionService.idOf(tokenOf(cookie)),
      );
    });

    it("accepts the e-mail in another case", async () => {
      const response = await login({ email: "ADA@example.test", password: PASSWORD });

      expect(response.status).toBe(200);
      expect(response.body.user.id).toBe(userId);
    });

    it("answers 401 invalid_credentials to a wrong password, without a cookie", async () => {
      const response = await login({ email: "ada@example.test", password: "wrong password" });

      expect(response.status).toBe(401);
      expect(response.body).toEqual(errorOf("invalid_credentials"));
      expect(response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(
        false,
      );
      expect(await sessionRows()).toHaveLength(1);
    });

    it("answers an unknown e-mail exactly like a wrong password", async () => {
      const wrongPassword = await login({ email: "ada@example.test", password: "wrong password" });
      const unknown = await login({ email: "nobody@example.test", password: PASSWORD });

      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(errorOf("invalid_credentials"));
      expect(unknown.body).toEqual(wrongPassword.body);
    });

    it("answers 400 invalid_input to a missing password", async () => {
      const response = await login({ email: "ada@example.test" });

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject(errorOf("invalid_input"));
    });
  });

  describe("cross-site requests", () => {
    it("refuses a mutating request whose Origin is another site with 403, writing nothing", async () => {
      const response = await ctx.harness.request("POST", "/api/auth/signup", {
        body: { email: "eve@example.test", password: PASSWORD, name: "Eve" },
        headers: { origin: "https://evil.example", host: "entente.test" },
      });
      expect(response.status).toBe(403);
      expect(response.body).toEqual(errorOf("forbidden"));
      expect(await ctx.harness.store.db.selectFrom("users").selectAll().execute()).toHaveLength(0);
    });

    it("accepts the public origin and the request's own host", async () => {
      const fromPublic = await ctx.harness.request("POST", "/api/auth/signup", {
        body: { email: "a@example.test", password: PASSWORD, name: "A" },
        headers: { origin: "http://entente.test" },
      });
      expect(fromPublic.status).toBe(201);
      const fromOwnHost = await ctx.harness.request("POST", "/api/auth/signup", {
        body: { email: "b@example.test", password: PASSWORD, name: "B" },
        headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" },
      });
      expect(fromOwnHost.status).toBe(201);
    });
  });

  describe("POST /api/auth/logout", () => {
    it("answers 204, deletes the session row, reports it ended and clears the cookie", async () => {
      const user = await ctx.harness.signup("Ada");
      const sessionId = SessionService.idOf(tokenOf(user.cookie));

      const response = await ctx.harness.request("POST", "/api/auth/logout", {
        cookie: user.cookie,
      });

      expect(response.status).toBe(204);
      expect(response.body).toBeUndefined();
      expect((await sessionRows()).map((r) => r.id)).not.toContain(sessionId);
      expect(ctx.harness.endedSessions).toEqual([sessionId]);
      const cleared = sessionSetCookie(response.headers);
      expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
      expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    });

    it("leaves the old cookie useless: /api/me answers 401", async () => {
      const user = await ctx.harness.signup("Ada");
      await ctx.harness.request("POST", "/api/auth/logout", { cookie: user.cookie });

      const me = await ctx.harness.request("GET", "/api/me", { cookie: user.cookie });

      expect(me.status).toBe(401);
      expect(me.body).toEqual(errorOf("unauthorized"));
    });

    it("ends only the caller's session, not the user's other sessions", async () => {
      const user = await ctx.harness.signup("Ada");
      const other = await login({ email: user.email, password: PASSWORD });
      const otherCookie = sessionCookieFrom(other.headers);

      await ctx.harness.request("POST", "/api/auth/logout", { cookie: user.cookie });

      expect((await ctx.harness.request("GET", "/api/me", { cookie: otherCookie })).status).toBe(
        200,
      );
    });

    it("answers 204 without a session and ends nothing", async () => {
      await ctx.harness.signup("Ada");

      const response = await ctx.harness.request("POST", "/api/auth/logout");

      expect(response.status).toBe(204);
      expect(ctx.harness.endedSessions).toEqual([]);
      expect(await sessionRows()).toHaveLength(1);
    });
  });

  describe("sessions over HTTP", () => {
    it("renews a session used with less than 15 days left and re-sends the cookie", async () => {
      const user = await ctx.harness.signup("Ada");
      const id = SessionService.idOf(tokenOf(user.cookie));
      await ctx.harness.store.db
        .updateTable("sessions")
        .set({ expires_at: Date.now() + 10 * DAY })
        .where("id", "=", id)
        .execute();

      const before = Date.now();
      const me = await ctx.harness.request("GET", "/api/me", { cookie: user.cookie });

      expect(me.status).toBe(200);
      const row = await ctx.harness.store.db
        .selectFrom("sessions")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(row.expires_at).toBeGreaterThanOrEqual(before + SESSION_LIFETIME_MS);
      expect(row.expires_at).toBeLessThanOrEqual(Date.now() + SESSION_LIFETIME_MS);
      expect(sessionCookieFrom(me.headers)).toBe(user.cookie);
    });

    it("does not re-send the cookie of a session with more than 15 days left", async () => {
      const user = await ctx.harness.signup("Ada");

      const me = await ctx.harness.request("GET", "/api/me", { cookie: user.cookie });

      expect(me.status).toBe(200);
      expect(me.headers.getSetCookie()).toEqual([]);
    });

    it("rejects an expired session with 401, deletes it and clears the cookie", async () => {
      const user = await ctx.harness.signup("Ada");
      const id = SessionService.idOf(tokenOf(user.cookie));
      await ctx.harness.store.db
        .updateTable("sessions")
        .set({ expires_at: Date.now() - 1 })
        .where("id", "=", id)
        .execute();

      const me = await ctx.harness.request("GET", "/api/me", { cookie: user.cookie });

      expect(me.status).toBe(401);
      expect(me.body).toEqual(errorOf("unauthorized"));
      expect(await sessionRows()).toHaveLength(0);
      expect(sessionSetCookie(me.headers)).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    });

    it("answers 401 to a forged token", async () => {
      await ctx.harness.signup("Ada");

      const me = await ctx.harness.request("GET", "/api/me", {
        cookie: `${SESSION_COOKIE}=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`,
      });

      expect(me.status).toBe(401);
      expect(me.body).toEqual(errorOf("unauthorized"));
    });
  });

  describe("SessionService with a fake clock", () => {
    let now: number;
    let sessions: SessionService;
    let userId: string;

    beforeEach(async () => {
      now = Date.UTC(2030, 0, 1);
      sessions = new SessionService(ctx.harness.store.db, () => now);
      userId = (await ctx.harness.signup("Ada")).id;
    });

    const expiryInDb = async (id: string) =>
      (
        await ctx.harness.store.db
          .selectFrom("sessions")
          .select("expires_at")
          .where("id", "=", id)
          .executeTakeFirst()
      )?.expires_at;

    it("creates sessions that expire 30 days from now", async () => {
      const { token, session } = await sessions.create(userId);

      expect(session).toEqual({
        id: SessionService.idOf(token),
        userId,
        expiresAt: now + 30 * DAY,
      });
      expect(await expiryInDb(session.id)).toBe(now + 30 * DAY);
    });

    it("leaves a session with 15 days or more left as it is", async () => {
      const { token, session } = await sessions.create(userId);
      now += 15 * DAY;

      const valid = await sessions.validate(token);

      expect(valid?.renewed).toBe(false);
      expect(valid?.session.expiresAt).toBe(session.expiresAt);
      expect(await expiryInDb(session.id)).toBe(session.expiresAt);
    });

    it("extends a session used with less than 15 days left to 30 days from now", async () => {
      const { token, session } = await sessions.create(userId);
      now += 15 * DAY + 1;

      const valid = await sessions.validate(token);

      expect(valid?.renewed).toBe(true);
      expect(valid?.session.expiresAt).toBe(now + 30 * DAY);
      expect(valid?.user).toEqual({ id: userId, email: expect.any(String), name: "Ada" });
      expect(await expiryInDb(session.id)).toBe(now + 30 * DAY);

      // Renewed, it outlives its first expiry.
      now = session.expiresAt + DAY;
      expect(await sessions.validate(token)).not.toBeNull();
    });

    it("rejects an expired session and deletes it", async () => {
      const { token, session } = await sessions.create(userId);
      now = session.expiresAt;

      expect(await sessions.validate(token)).toBeNull();
      expect(await expiryInDb(session.id)).toBeUndefined();
      // Gone for good, even if the clock went back.
      now -= 20 * DAY;
      expect(await sessions.validate(token)).toBeNull();
    });

    it("rejects an unknown token", async () => {
      await sessions.create(userId);

      expect(await sessions.validate("unknowntokenunknowntoken")).toBeNull();
    });
  });
});
