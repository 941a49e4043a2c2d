import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export interface TestClient {
  clientId: string;
  clientSecret: string;
}

export interface OidcTestProviderOptions {
  /** Where the relying party receives answers (registered for every client). */
  redirectUri: string;
  /** A fixed port (the browser test, hand-run tries); ephemeral when omitted. */
  port?: number;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

/**
 * A real OpenID Connect provider (`oidc-provider`) on loopback, with its development
 * login page: any login is accepted, and the login is the account's e-mail (verified,
 * unless it starts with `unverified`). Two clients are registered: the organization's and
 * another one (whose audience a hostile token can carry).
 */
export class OidcTestProvider {
  /** When set, the token endpoint's ID token is re-signed with this audience (a token for another client). */
  forgedAudience: string | null = null;

  private constructor(
    readonly issuer: string,
    private readonly server: http.Server,
    /** The organization's client. */
    readonly client: TestClient,
    /** Another application registered at the same provider. */
    readonly otherClient: TestClient,
  ) {}

  static async start(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const issuer = `http://127.0.0.1:${port}`;
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jwk = {
      ...privateKey.export({ format: "jwk" }),
      kid: "test-key",
      alg: "RS256",
      use: "sig",
    };
    const client = { clientId: "entente-org", clientSecret: randomBytes(24).toString("hex") };
    const otherClient = { clientId: "another-app", clientSecret: randomBytes(24).toString("hex") };
    const configuration: Configuration = {
      clients: [client, otherClient].map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      })),
      jwks: { keys: [jwk] },
      cookies: { keys: [randomBytes(32).toString("hex")] },
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
      pkce: { required: () => true },
      // The ID token lives one hour, as at most providers (the expiry test moves the clock).
      ttl: {
        IdToken: 3600,
        AccessToken: 3600,
        AuthorizationCode: 60,
        Interaction: 600,
        Grant: 3600,
        Session: 3600,
      },
      features: { devInteractions: { enabled: true } },
      findAccount: (_ctx, id) => ({
        accountId: id,
        claims: () => ({
          sub: id,
          email: id,
          email_verified: !id.startsWith("unverified"),
          name: `Test ${id.slice(0, id.indexOf("@"))}`,
        }),
      }),
      // Consent is given once the user signs in: first-party, as in a company's provider.
      loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
        const accountId = ctx.oidc.session?.accountId;
        const clientId = ctx.oidc.client?.clientId;
        if (!accountId || !clientId) return undefined;
        const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
        grant.addOIDCScope("openid email profile");
        await grant.save();
        return grant;
      },
    };
    const provider = new Provider(issuer, configuration);
    const instance = new OidcTestProvider(issuer, server, client, otherClient);
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path === "/token" && instance.forgedAudience && typeof body?.id_token === "string") {
        body.id_token = resign(body.id_token, jwk, { aud: instance.forgedAudience });
      }
    });
    const handle = provider.callback();
    server.on("request", (request, response) => void handle(request, response));
    return instance;
  }

  /**
   * What a browser does at the provider: follows the authorization request to the login
   * page, signs in as `login`, and returns the redirect back to the relying party.
   */
  async signIn(authorizationUrl: string, login: string): Promise<URL> {
    const cookies = new Map<string, string>();
    const go = async (url: string, init: RequestInit = {}) => {
      const response = await fetch(url, {
        ...init,
        redirect: "manual",
        headers: {
          ...(init.headers as Record<string, string> | undefined),
          cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ""] = line.split(";");
        const at = pair.indexOf("=");
        cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      await response.arrayBuffer();
      return response;
    };
    let response = await go(authorizationUrl);
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get("location");
      if (!location) throw new Error(`the provider answered ${response.status} without a redirect`);
      const next = new URL(location, this.issuer);
      if (next.origin !== this.issuer) return next;
      if (next.pathname.startsWith("/interaction/")) {
        const page = await go(next.href);
        if (page.status !== 200) throw new Error(`login page answered ${page.status}`);
        response = await go(next.href, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ prompt: "login", login, password: "any" }).toString(),
        });
      } else {
        response = await go(next.href);
      }
    }
    throw new Error("too many redirects at the provider");
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The same ID token with some claims replaced, signed again with the provider's own key. */
function resign(idToken: string, jwk: object, changes: Record<string, unknown>): string {
  const [header, payload] = idToken.split(".");
  const claims = {
    ...JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")),
    ...changes,
  };
  const signingInput = `${header}.${base64url(JSON.stringify(claims))}`;
  const key = createPrivateKey({ key: jwk as never, format: "jwk" });
  return `${signingInput}.${base64url(sign("sha256", Buffer.from(signingInput), key))}`;
}
