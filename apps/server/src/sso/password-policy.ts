import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/** True when the user's organization turned password sign-in off (SSO only). */
export async function passwordSignInDisabledFor(
  db: Kysely<Database>,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("organization_members")
    .innerJoin(
      "organization_sso",
      "organization_sso.organization_id",
      "organization_members.organization_id",
    )
    .select("organization_sso.password_sign_in")
    .where("organization_members.user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined && Number(row.password_sign_in) === 0;
}

/** `passwordSignInDisabledFor` over one store, for the sign-in route. */
export class PasswordPolicy {
  constructor(private readonly db: Kysely<Database>) {}

  signInDisabledFor(userId: string): Promise<boolean> {
    return passwordSignInDisabledFor(this.db, userId);
  }
}
