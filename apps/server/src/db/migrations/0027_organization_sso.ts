import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function organizationSso(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // An organization's own OpenID provider; the client secret is AES-256-GCM ciphertext.
      await db.schema
        .createTable("organization_sso")
        .addColumn("organization_id", "text", (c) =>
          c.primaryKey().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("issuer", "text", (c) => c.notNull())
        .addColumn("client_id", "text", (c) => c.notNull())
        .addColumn("client_secret_encrypted", "text", (c) => c.notNull())
        .addColumn("password_sign_in", "integer", (c) => c.notNull())
        // When an admin of the organization last signed in through this very provider.
        .addColumn("admin_proven_at", millis)
        .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("updated_at", millis, (c) => c.notNull())
        .execute();
      // A domain belongs to one organization at most.
      await db.schema
        .createTable("organization_sso_domains")
        .addColumn("domain", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) =>
          c.notNull().references("organization_sso.organization_id").onDelete("cascade"),
        )
        .execute();
      // A sign-in under way: the browser holds a random token, the store its SHA-256.
      await db.schema
        .createTable("sso_sign_ins")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("nonce", "text", (c) => c.notNull())
        .addColumn("code_verifier", "text", (c) => c.notNull())
        .addColumn("next", "text", (c) => c.notNull())
        .addColumn("expires_at", millis, (c) => c.notNull())
        .execute();
    },
  };
}
