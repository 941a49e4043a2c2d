import type { SsoSettingsView } from "@entente/protocol";
import type { ParsedRequest, SsoSettingsBody } from "@entente/protocol/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import type { ProviderClients } from "./provider-client.js";
import type { SecretBox } from "./secret-box.js";

export const SSO_CALLBACK_PATH = "/api/auth/sso/callback";

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * What an organization's admins configure: its provider, the e-mail domains it may sign in,
 * and whether its members may still use a password.
 *
 * "Verified" domain, as Entente decides it: the e-mail domain of one of the organization's
 * admins (a DNS proof is out of scope), and held by no other organization.
 */
export class SsoSettings {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly box: SecretBox | null,
    private readonly providers: ProviderClients,
    private readonly publicOrigin: string,
  ) {}

  get available(): boolean {
    return this.box !== null;
  }

  get redirectUri(): string {
    return `${this.publicOrigin}${SSO_CALLBACK_PATH}`;
  }

  async read(organizationId: string): Promise<SsoSettingsView | null> {
    const row = await this.db
      .selectFrom("organization_sso")
      .select(["issuer", "client_id", "password_sign_in", "admin_proven_at", "updated_at"])
      .where("organization_id", "=", organizationId)
      .executeTakeFirst();
    if (!row) return null;
    const domains = await this.db
      .selectFrom("organization_sso_domains")
      .select("domain")
      .where("organization_id", "=", organizationId)
      .orderBy("domain")
      .execute();
    return {
      issuer: row.issuer,
      clientId: row.client_id,
      domains: domains.map((d) => d.domain),
      passwordSignIn: Number(row.password_sign_in) === 1,
      provenAt:
        row.admin_proven_at === null ? null : new Date(Number(row.admin_proven_at)).toISOString(),
      updatedAt: new Date(Number(row.updated_at)).toISOString(),
    };
  }

  async save(
    organizationId: string,
    adminId: string,
    request: ParsedRequest<typeof SsoSettingsBody>,
  ): Promise<SsoSettingsView> {
    const box = this.box;
    if (!box) {
      throw new DomainError(
        "sso_unavailable",
        "Single sign-on needs SSO_SECRET_KEY in the server's environment",
      );
    }
    const current = await this.db
      .selectFrom("organization_sso")
      .selectAll()
      .where("organization_id", "=", organizationId)
      .executeTakeFirst();
    const clientSecret =
      request.clientSecret ??
      (current ? box.open(current.client_secret_encrypted, organizationId) : undefined);
    if (clientSecret === undefined) {
      throw new DomainError("invalid_input", "clientSecret: required", [
        { path: "clientSecret", message: "required" },
      ]);
    }
    await this.checkDomains(organizationId, request.domains);

    const providerChanged =
      !current ||
      current.issuer !== request.issuer ||
      current.client_id !== request.clientId ||
      request.clientSecret !== undefined;
    const provenAt = providerChanged ? null : current.admin_proven_at;
    if (!request.passwordSignIn && provenAt === null) {
      throw new DomainError(
        "sso_not_proven",
        "Sign in once through the provider as an admin before turning password sign-in off",
      );
    }
    if (providerChanged) await this.checkProvider(request.issuer, request.clientId, clientSecret);

    const now = Date.now();
    const row = {
      issuer: request.issuer,
      client_id: request.clientId,
      client_secret_encrypted: box.seal(clientSecret, organizationId),
      password_sign_in: request.passwordSignIn ? 1 : 0,
      admin_proven_at: provenAt,
      updated_by: adminId,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("organization_sso")
        .values({ organization_id: organizationId, ...row })
        .onConflict((conflict) => conflict.column("organization_id").doUpdateSet(row))
        .execute();
      await trx
        .deleteFrom("organization_sso_domains")
        .where("organization_id", "=", organizationId)
        .execute();
      const inserted = await trx
        .insertInto("organization_sso_domains")
        .values(request.domains.map((domain) => ({ domain, organization_id: organizationId })))
        .onConflict((conflict) => conflict.column("domain").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows) !== request.domains.length) {
        // Another organization took one of them meanwhile.
        throw domainTaken();
      }
    });
    const view = await this.read(organizationId);
    if (!view) throw new Error("SSO settings vanished after saving");
    return view;
  }

  async remove(organizationId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("organization_sso")
      .where("organization_id", "=", organizationId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Each domain is an admin's own e-mail domain, and no other organization holds it. */
  private async checkDomains(organizationId: string, domains: readonly string[]): Promise<void> {
    const admins = await this.db
      .selectFrom("organization_members")
      .innerJoin("users", "users.id", "organization_members.user_id")
      .select("users.email")
      .where("organization_members.organization_id", "=", organizationId)
      .where("organization_members.role", "=", "admin")
      .execute();
    const adminDomains = new Set(admins.map((a) => emailDomain(a.email)));
    const unproven = domains.filter((d) => !adminDomains.has(d));
    if (unproven.length > 0) {
      throw new DomainError(
        "domain_not_allowed",
        `No admin of the organization has an e-mail at ${unproven.join(", ")}`,
        { domains: unproven },
      );
    }
    const held = await this.db
      .selectFrom("organization_sso_domains")
      .select("domain")
      .where("domain", "in", domains)
      .where("organization_id", "<>", organizationId)
      .execute();
    if (held.length > 0) throw domainTaken(held.map((h) => h.domain));
  }

  /** The issuer answers discovery: a typo is caught now, not at the members' first sign-in. */
  private async checkProvider(issuer: string, clientId: string, clientSecret: string) {
    try {
      await this.providers.configuration({ issuer, clientId, clientSecret });
    } catch {
      throw new DomainError(
        "sso_provider_error",
        `${issuer} does not answer OpenID Connect discovery`,
      );
    }
  }
}

function domainTaken(domains?: string[]): DomainError {
  return new DomainError(
    "domain_taken",
    "Another organization's single sign-on holds this domain",
    domains ? { domains } : undefined,
  );
}
