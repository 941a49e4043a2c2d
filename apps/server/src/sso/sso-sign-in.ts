import { timingSafeEqual } from "node:crypto";
import type { SsoRefusal } from "@entente/protocol";
import type { Kysely } from "kysely";
import * as oidc from "openid-client";
import { can } from "../access/policies.js";
import { hashPassword } from "../auth/password.js";
import { SessionService } from "../auth/sessions.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { newId, newToken } from "../ids.js";
import type { ProviderClients } from "./provider-client.js";
import type { SecretBox } from "./secret-box.js";
import { emailDomain, SSO_CALLBACK_PATH } from "./sso-settings.js";

/** Time a user has at the provider before the sign-in must start again. */
const SIGN_IN_LIFETIME_MS = 10 * 60 * 1000;
const SCOPE = "openid email profile";

export class SsoRefused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    message: string,
  ) {
    super(message);
    this.name = "SsoRefused";
  }
}

export interface StartedSignIn {
  redirectUrl: string;
  /** Goes into the browser's cookie; binds the provider's answer to this browser. */
  browserToken: string;
}

export interface FinishedSignIn {
  userId: string;
  next: string;
}

/**
 * Single sign-on with the organization's provider: authorization code flow with PKCE,
 * `state` and `nonce`, the ID token verified by openid-client. The organization comes from
 * the e-mail's domain, and its provider signs in only people of its verified domains who
 * are its members or have no account yet (created as viewers of it, and of it only).
 */
export class SsoSignIn {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly box: SecretBox | null,
    private readonly providers: ProviderClients,
    private readonly publicOrigin: string,
    private readonly now: () => number = Date.now,
  ) {}

  async start(email: string, next: string): Promise<StartedSignIn> {
    const found = await this.db
      .selectFrom("organization_sso_domains")
      .select("organization_id")
      .where("domain", "=", emailDomain(email))
      .executeTakeFirst();
    if (!found || !this.box) {
      throw new DomainError(
        "sso_not_configured",
        "No organization signs in this e-mail's domain with single sign-on",
      );
    }
    const config = await this.providerOf(found.organization_id).catch(() => {
      throw new DomainError(
        "sso_provider_unreachable",
        "Your organization's identity provider cannot be reached",
      );
    });
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const browserToken = newToken();
    await this.db
      .insertInto("sso_sign_ins")
      .values({
        id: SessionService.idOf(browserToken),
        organization_id: found.organization_id,
        state,
        nonce,
        code_verifier: codeVerifier,
        next,
        expires_at: this.now() + SIGN_IN_LIFETIME_MS,
      })
      .execute();
    await this.db.deleteFrom("sso_sign_ins").where("expires_at", "<", this.now()).execute();
    const redirectUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${this.publicOrigin}${SSO_CALLBACK_PATH}`,
      scope: SCOPE,
      response_type: "code",
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
      login_hint: email,
    });
    return { redirectUrl: redirectUrl.href, browserToken };
  }

  /** The provider's answer at the callback; throws `SsoRefused` for every refusal. */
  async finish(browserToken: string | undefined, callbackUrl: URL): Promise<FinishedSignIn> {
    const flow = browserToken ? await this.takeFlow(browserToken) : undefined;
    const state = callbackUrl.searchParams.get("state") ?? "";
    if (!flow || !sameText(flow.state, state)) {
      throw new SsoRefused("state_mismatch", "This answer does not match a sign-in started here");
    }
    const config = await this.providerOf(flow.organization_id).catch((cause: unknown) => {
      throw new SsoRefused("provider_error", `The provider cannot be reached: ${String(cause)}`);
    });
    // The redirect URI sent to the provider, whatever host the request came through.
    const answered = new URL(`${this.publicOrigin}${SSO_CALLBACK_PATH}`);
    answered.search = callbackUrl.search;
    let tokens;
    try {
      tokens = await oidc.authorizationCodeGrant(config, answered, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw refusalOf(error);
    }
    const claims = tokens.claims();
    if (!claims) throw new SsoRefused("invalid_token", "The provider sent no ID token");
    let { email, email_verified: verified, name } = claims;
    if (typeof email !== "string") {
      // Providers that keep the ID token lean give the e-mail at the UserInfo endpoint.
      const info = await oidc
        .fetchUserInfo(config, tokens.access_token, claims.sub)
        .catch((error: unknown) => {
          throw refusalOf(error);
        });
      ({ email, email_verified: verified, name } = info);
    }
    if (typeof email !== "string" || !email.includes("@")) {
      throw new SsoRefused("email_not_verified", "The provider gave no e-mail address");
    }
    if (verified !== true) {
      throw new SsoRefused("email_not_verified", "The provider does not vouch for this e-mail");
    }
    const userId = await this.userFor(
      flow.organization_id,
      email.trim().toLowerCase(),
      typeof name === "string" ? name : undefined,
    );
    return { userId, next: flow.next };
  }

  /** The sign-in this browser started, used once: deleted as it is read. */
  private async takeFlow(browserToken: string) {
    const id = SessionService.idOf(browserToken);
    const flow = await this.db
      .selectFrom("sso_sign_ins")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!flow) return undefined;
    const deleted = await this.db
      .deleteFrom("sso_sign_ins")
      .where("id", "=", id)
      .executeTakeFirst();
    // Two answers racing for one sign-in: only the one that deleted it goes on.
    if (Number(deleted.numDeletedRows) !== 1) return undefined;
    return Number(flow.expires_at) > this.now() ? flow : undefined;
  }

  private async providerOf(organizationId: string): Promise<oidc.Configuration> {
    const row = await this.db
      .selectFrom("organization_sso")
      .select(["issuer", "client_id", "client_secret_encrypted"])
      .where("organization_id", "=", organizationId)
      .executeTakeFirstOrThrow();
    if (!this.box) throw new Error("SSO_SECRET_KEY is not set");
    return this.providers.configuration({
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecret: this.box.open(row.client_secret_encrypted, organizationId),
    });
  }

  /** The member this provider signs in, created as a viewer on first sign-in. */
  private async userFor(organizationId: string, email: string, name?: string): Promise<string> {
    const domain = await this.db
      .selectFrom("organization_sso_domains")
      .select("domain")
      .where("organization_id", "=", organizationId)
      .where("domain", "=", emailDomain(email))
      .executeTakeFirst();
    if (!domain) {
      throw new SsoRefused(
        "domain_not_allowed",
        "This e-mail is outside the organization's domains",
      );
    }
    const existing = await this.db
      .selectFrom("users")
      .leftJoin("organization_members", "organization_members.user_id", "users.id")
      .select(["users.id", "organization_members.organization_id", "organization_members.role"])
      .where("users.email", "=", email)
      .executeTakeFirst();
    if (existing) {
      // An account outside the organization (another's, or none's) is not taken over.
      if (existing.organization_id !== organizationId) {
        throw new SsoRefused(
          "other_organization",
          "This account is not a member of the organization",
        );
      }
      // An admin of the organization signing in proves its provider works for those who run it.
      const seat = existing.role && { organizationId, permission: existing.role };
      if (seat && can(seat, "run the organization")) {
        await this.db
          .updateTable("organization_sso")
          .set({ admin_proven_at: this.now() })
          .where("organization_id", "=", organizationId)
          .execute();
      }
      return existing.id;
    }
    const userId = newId();
    // Nobody knows this password: the account signs in through the provider.
    const passwordHash = await hashPassword(newToken());
    await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto("users")
        .values({
          id: userId,
          email,
          name: (name?.trim() || email.slice(0, email.indexOf("@"))).slice(0, 100),
          password_hash: passwordHash,
          created_at: this.now(),
        })
        .onConflict((conflict) => conflict.column("email").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows) !== 1) {
        throw new SsoRefused("other_organization", "This account was created meanwhile");
      }
      await trx
        .insertInto("organization_members")
        .values({ organization_id: organizationId, user_id: userId, role: "viewer" })
        .execute();
    });
    return userId;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** openid-client's errors, as the reason the login page shows. */
function refusalOf(error: unknown): SsoRefused {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof oidc.ClientError) {
    if (error.code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED") {
      return new SsoRefused("token_expired", message);
    }
    if (error.code === "OAUTH_INVALID_RESPONSE" && message.includes('"state"')) {
      return new SsoRefused("state_mismatch", message);
    }
    if (error.code?.startsWith("OAUTH_JWT") || error.code?.startsWith("OAUTH_JWS")) {
      return new SsoRefused("invalid_token", message);
    }
    if (error.code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED") {
      return new SsoRefused("invalid_token", message);
    }
  }
  return new SsoRefused("provider_error", message);
}
