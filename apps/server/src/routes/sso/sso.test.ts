import { SESSION_COOKIE } from "@entente/protocol";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SecretBox } from "../../sso/secret-box.js";
import {
  ApiHarness,
  TEST_ORIGIN,
  TEST_SSO_SECRET_KEY,
  type HarnessSsoOptions,
  type TestUser,
} from "../../test/api-harness.js";
import { OidcTestProvider } from "../../test/oidc-test-provider.js";

const PASSWORD = "correct horse battery";

function cookieNamed(headers: Headers, name: string): string | null {
  const line = headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  const pair = line?.split(";")[0] ?? "";
  // A deletion sets an empty value.
  return pair.length > name.length + 1 ? pair : null;
}

function errorOf(code: string) {
  return { error: expect.objectContaining({ code, message: expect.any(String) }) };
}

/** The same settings without `clientSecret` (the stored one is kept). */
function withoutSecret(settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([key]) => key !== "clientSecret"));
}

let provider: OidcTestProvider;

beforeAll(async () => {
  provider = await OidcTestProvider.start({ redirectUri: `${TEST_ORIGIN}/api/auth/sso/callback` });
});

afterAll(async () => {
  await provider.close();
});

/** Two organizations in a partnership (all e-mails at example.test), north with its provider. */
async function setUp(options: HarnessSsoOptions = {}) {
  const harness = await ApiHarness.create(options);
  const cast = await harness.twoOrganizationPartnership();
  const settings = (passwordSignIn = true, overrides: Record<string, unknown> = {}) => ({
    issuer: provider.issuer,
    clientId: provider.client.clientId,
    clientSecret: provider.client.clientSecret,
    domains: ["example.test"],
    passwordSignIn,
    ...overrides,
  });
  const put = (user: TestUser, body: unknown, organizationId = cast.north.id) =>
    harness.request("PUT", `/api/organizations/${organizationId}/sso`, {
      body,
      cookie: user.cookie,
    });
  /** The whole sign-in: start, the provider's login page, the callback. */
  const signIn = async (
    email: string,
    options: { login?: string; tamper?: (callback: URL) => void; withFlowCookie?: boolean } = {},
  ) => {
    const start = await harness.request("POST", "/api/auth/sso/start", {
      body: { email, next: "/settings/notifications" },
    });
    expect(start.status).toBe(200);
    const flowCookie = cookieNamed(start.headers, "entente_sso");
    expect(flowCookie).not.toBeNull();
    const callback = await provider.signIn(start.body.redirectUrl, options.login ?? email);
    expect(callback.origin + callback.pathname).toBe(`${TEST_ORIGIN}/api/auth/sso/callback`);
    options.tamper?.(callback);
    const answer = await harness.request("GET", callback.pathname + callback.search, {
      cookie: options.withFlowCookie === false ? undefined : (flowCookie ?? undefined),
    });
    return {
      status: answer.status,
      location: answer.headers.get("location"),
      session: cookieNamed(answer.headers, SESSION_COOKIE),
      callback,
      flowCookie,
    };
  };
  return { harness, cast, settings, put, signIn };
}

describe("organization single sign-on settings", () => {
  let t: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    t = await setUp();
  });
  afterEach(async () => {
    await t.harness.close();
  });

  it("answers no provider at first, with the redirect URI to register", async () => {
    const response = await t.harness.request("GET", `/api/organizations/${t.cast.north.id}/sso`, {
      cookie: t.cast.north.admin.cookie,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      sso: null,
      redirectUri: `${TEST_ORIGIN}/api/auth/sso/callback`,
      available: true,
    });
  });

  it("stores the client secret encrypted, bound to the organization, and never returns it", async () => {
    const saved = await t.put(t.cast.north.admin, t.settings());
    expect(saved.status).toBe(200);
    expect(saved.body.sso).toEqual({
      issuer: provider.issuer,
      clientId: provider.client.clientId,
      domains: ["example.test"],
      passwordSignIn: true,
      provenAt: null,
      updatedAt: expect.any(String),
    });
    const read = await t.harness.request("GET", `/api/organizations/${t.cast.north.id}/sso`, {
      cookie: t.cast.north.admin.cookie,
    });
    expect(JSON.stringify(read.body)).not.toContain(provider.client.clientSecret);
    expect(JSON.stringify(saved.body)).not.toContain(provider.client.clientSecret);

    const row = await t.harness.store.db
      .selectFrom("organization_sso")
      .selectAll()
      .where("organization_id", "=", t.cast.north.id)
      .executeTakeFirstOrThrow();
    expect(row.client_secret_encrypted).not.toContain(provider.client.clientSecret);
    expect(row.client_secret_encrypted).toMatch(/^v1\./);
    const box = new SecretBox(Buffer.from(TEST_SSO_SECRET_KEY, "base64"));
    expect(box.open(row.client_secret_encrypted, t.cast.north.id)).toBe(
      provider.client.clientSecret,
    );
    // Copied to another organization's row, it does not open.
    expect(() => box.open(row.client_secret_encrypted, t.cast.south.id)).toThrow();
  });

  it("keeps the stored secret when a change omits it", async () => {
    await t.put(t.cast.north.admin, t.settings());
    const saved = await t.put(t.cast.north.admin, withoutSecret(t.settings()));
    expect(saved.status).toBe(200);
    const signedIn = await t.signIn(t.cast.north.editor.email);
    expect(signedIn.session).not.toBeNull();
  });

  it("refuses editors, viewers and the partner's admin (403) and changes nothing", async () => {
    for (const user of [t.cast.north.editor, t.cast.north.viewer, t.cast.south.admin]) {
      const path = `/api/organizations/${t.cast.north.id}/sso`;
      expect((await t.harness.request("GET", path, { cookie: user.cookie })).status).toBe(403);
      const put = await t.put(user, t.settings());
      expect(put.status).toBe(403);
      expect(put.body).toEqual(errorOf("forbidden"));
      expect((await t.harness.request("DELETE", path, { cookie: user.cookie })).status).toBe(403);
    }
    expect(await t.harness.store.db.selectFrom("organization_sso").selectAll().execute()).toEqual(
      [],
    );
    const anonymous = await t.harness.request("GET", `/api/organizations/${t.cast.north.id}/sso`);
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ["a non-https issuer", { issuer: "http://idp.example.com" }],
    ["an issuer that is not a URL", { issuer: "idp" }],
    ["no domain", { domains: [] }],
    ["a malformed domain", { domains: ["not a domain"] }],
    ["a repeated domain", { domains: ["example.test", "EXAMPLE.test"] }],
    ["a missing client id", { clientId: "" }],
    ["a non-boolean password switch", { passwordSignIn: "no" }],
  ])("answers 400 invalid_input to %s", async (_label, overrides) => {
    const response = await t.put(t.cast.north.admin, t.settings(true, overrides));
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorOf("invalid_input"));
  });

  it("asks for the secret the first time", async () => {
    const response = await t.put(t.cast.north.admin, withoutSecret(t.settings()));
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ path: "clientSecret", message: "required" }]);
  });

  it("refuses a domain no admin of the organization has an e-mail at", async () => {
    const response = await t.put(
      t.cast.north.admin,
      t.settings(true, { domains: ["example.test", "someone-else.example"] }),
    );
    expect(response.status).toBe(422);
    expect(response.body).toEqual(errorOf("domain_not_allowed"));
  });

  it("refuses a domain another organization's single sign-on holds", async () => {
    expect((await t.put(t.cast.north.admin, t.settings())).status).toBe(200);
    const response = await t.put(t.cast.south.admin, t.settings(), t.cast.south.id);
    expect(response.status).toBe(409);
    expect(response.body).toEqual(errorOf("domain_not_allowed"));
  });

  it("refuses an issuer that does not answer discovery (422) and stores nothing", async () => {
    const response = await t.put(
      t.cast.north.admin,
      t.settings(true, { issuer: "http://127.0.0.1:9/nothing-here" }),
    );
    expect(response.status).toBe(422);
    expect(response.body).toEqual(errorOf("sso_provider_error"));
    expect(await t.harness.store.db.selectFrom("organization_sso").selectAll().execute()).toEqual(
      [],
    );
  });

  it("removes the provider with DELETE: the domain no longer signs in", async () => {
    await t.put(t.cast.north.admin, t.settings());
    const path = `/api/organizations/${t.cast.north.id}/sso`;
    const removed = await t.harness.request("DELETE", path, { cookie: t.cast.north.admin.cookie });
    expect(removed.status).toBe(204);
    const start = await t.harness.request("POST", "/api/auth/sso/start", {
      body: { email: t.cast.north.editor.email },
    });
    expect(start.status).toBe(404);
    expect(start.body).toEqual(errorOf("sso_not_configured"));
  });
});

describe("signing in with the organization's provider", () => {
  let t: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    t = await setUp();
    expect((await t.put(t.cast.north.admin, t.settings())).status).toBe(200);
  });
  afterEach(async () => {
    provider.forgedAudience = null;
    await t.harness.close();
  });

  it("signs a member in: a session like password sign-in's, then where they were going", async () => {
    const result = await t.signIn(t.cast.north.editor.email);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/settings/notifications");
    expect(result.session).not.toBeNull();
    const me = await t.harness.request("GET", "/api/me", { cookie: result.session ?? "" });
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(t.cast.north.editor.id);
    // Their role is unchanged.
    expect(me.body.organizations).toEqual([
      { id: t.cast.north.id, name: "Northwind", role: "editor" },
    ]);
  });

  it("creates a newcomer of a verified domain as a viewer of that organization only", async () => {
    const result = await t.signIn("newcomer@example.test");
    expect(result.session).not.toBeNull();
    const me = await t.harness.request("GET", "/api/me", { cookie: result.session ?? "" });
    expect(me.body.user).toMatchObject({ email: "newcomer@example.test", name: "Test newcomer" });
    expect(me.body.organizations).toEqual([
      { id: t.cast.north.id, name: "Northwind", role: "viewer" },
    ]);
    expect(me.body.partnerships).toEqual([]);
  });

  it("refuses a forged state, a replayed answer and an answer without this browser's cookie", async () => {
    const forged = await t.signIn(t.cast.north.editor.email, {
      tamper: (callback) => callback.searchParams.set("state", "forged-state-value"),
    });
    expect(forged.status).toBe(302);
    expect(forged.location).toBe("/login?sso_error=state_mismatch");
    expect(forged.session).toBeNull();

    const good = await t.signIn(t.cast.north.editor.email);
    expect(good.session).not.toBeNull();
    const replay = await t.harness.request("GET", good.callback.pathname + good.callback.search, {
      cookie: good.flowCookie ?? "",
    });
    expect(replay.headers.get("location")).toBe("/login?sso_error=state_mismatch");
    expect(cookieNamed(replay.headers, SESSION_COOKIE)).toBeNull();

    const elsewhere = await t.signIn(t.cast.north.editor.email, { withFlowCookie: false });
    expect(elsewhere.location).toBe("/login?sso_error=state_mismatch");
    expect(elsewhere.session).toBeNull();
  });

  it("refuses an ID token issued for another client (wrong audience)", async () => {
    provider.forgedAudience = provider.otherClient.clientId;
    const result = await t.signIn(t.cast.north.editor.email);
    expect(result.location).toBe("/login?sso_error=invalid_token");
    expect(result.session).toBeNull();
  });

  it("refuses an e-mail outside the organization's verified domains, creating nobody", async () => {
    const result = await t.signIn(t.cast.north.editor.email, {
      login: "mallory@elsewhere.example",
    });
    expect(result.location).toBe("/login?sso_error=domain_not_allowed");
    expect(result.session).toBeNull();
    const users = await t.harness.store.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "mallory@elsewhere.example")
      .execute();
    expect(users).toEqual([]);
  });

  it("refuses an e-mail the provider does not vouch for", async () => {
    const result = await t.signIn(t.cast.north.editor.email, { login: "unverified@example.test" });
    expect(result.location).toBe("/login?sso_error=email_not_verified");
    expect(result.session).toBeNull();
  });

  it("never signs a member of another organization in, nor adds them to this one", async () => {
    const result = await t.signIn(t.cast.north.editor.email, { login: t.cast.south.editor.email });
    expect(result.location).toBe("/login?sso_error=other_organization");
    expect(result.session).toBeNull();
    const memberships = await t.harness.store.db
      .selectFrom("organization_members")
      .select(["organization_id", "role"])
      .where("user_id", "=", t.cast.south.editor.id)
      .execute();
    expect(memberships).toEqual([{ organization_id: t.cast.south.id, role: "editor" }]);
  });

  it("answers 404 sso_not_configured to an e-mail no organization's provider covers", async () => {
    const response = await t.harness.request("POST", "/api/auth/sso/start", {
      body: { email: "someone@nowhere.example" },
    });
    expect(response.status).toBe(404);
    expect(response.body).toEqual(errorOf("sso_not_configured"));
  });

  it("answers 400 to a bad e-mail or an outside `next`", async () => {
    for (const body of [{ email: "nope" }, { email: "a@example.test", next: "//evil.example" }]) {
      const response = await t.harness.request("POST", "/api/auth/sso/start", { body });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(errorOf("invalid_input"));
    }
  });

  it("turns password sign-in off only once an admin signed in through the provider", async () => {
    const early = await t.put(t.cast.north.admin, t.settings(false));
    expect(early.status).toBe(409);
    expect(early.body).toEqual(errorOf("sso_not_proven"));

    const admin = await t.signIn(t.cast.north.admin.email);
    expect(admin.session).not.toBeNull();
    const off = await t.put(t.cast.north.admin, withoutSecret(t.settings(false)));
    expect(off.status).toBe(200);
    expect(off.body.sso).toMatchObject({ passwordSignIn: false, provenAt: expect.any(String) });

    // North's members: the right password is refused; a wrong one is still just wrong.
    const login = (email: string, password = PASSWORD) =>
      t.harness.request("POST", "/api/auth/login", { body: { email, password } });
    const north = await login(t.cast.north.editor.email);
    expect(north.status).toBe(403);
    expect(north.body).toEqual(errorOf("password_sign_in_disabled"));
    expect(cookieNamed(north.headers, SESSION_COOKIE)).toBeNull();
    expect((await login(t.cast.north.editor.email, "wrong password")).status).toBe(401);
    // The partner's members are not concerned.
    expect((await login(t.cast.south.editor.email)).status).toBe(200);
    // A changed provider must be proven again before password sign-in can stay off.
    const changed = await t.put(t.cast.north.admin, t.settings(false));
    expect(changed.status).toBe(409);
    expect(changed.body).toEqual(errorOf("sso_not_proven"));
  });
});

describe("single sign-on with an expired ID token", () => {
  let t: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    // The relying party's clock two hours ahead: the provider's one-hour ID token has expired.
    t = await setUp({ ssoClockSkewSeconds: 2 * 60 * 60 });
    expect((await t.put(t.cast.north.admin, t.settings())).status).toBe(200);
  });
  afterEach(async () => {
    await t.harness.close();
  });

  it("refuses it with token_expired", async () => {
    const result = await t.signIn(t.cast.north.editor.email);
    expect(result.location).toBe("/login?sso_error=token_expired");
    expect(result.session).toBeNull();
  });
});

describe("single sign-on without SSO_SECRET_KEY", () => {
  let t: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    t = await setUp({ ssoSecretKey: null });
  });
  afterEach(async () => {
    await t.harness.close();
  });

  it("says it is unavailable and refuses to store a configuration", async () => {
    const read = await t.harness.request("GET", `/api/organizations/${t.cast.north.id}/sso`, {
      cookie: t.cast.north.admin.cookie,
    });
    expect(read.body.available).toBe(false);
    const response = await t.put(t.cast.north.admin, t.settings());
    expect(response.status).toBe(503);
    expect(response.body).toEqual(errorOf("sso_unavailable"));
  });
});
