import type { Permission } from "@entente/domain";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";

/** Organizations and who belongs to them (`organizations`, `organization_members`). */
export class Organizations {
  constructor(private readonly db: Kysely<Database>) {}

  /** The organizations `userId` belongs to, with their role in each. */
  async ofUser(userId: string): Promise<{ id: string; name: string; role: Permission }[]> {
    return this.db
      .selectFrom("organization_members")
      .innerJoin("organizations", "organizations.id", "organization_members.organization_id")
      .select(["organizations.id", "organizations.name", "organization_members.role"])
      .where("organization_members.user_id", "=", userId)
      .execute();
  }

  /** Creates `organization` with `userId` as its admin, unless they already belong to one. */
  async create(userId: string, organization: { id: string; name: string }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom("organization_members")
        .select("organization_id")
        .where("user_id", "=", userId)
        .executeTakeFirst();
      // PRODUCT.md: each member belongs to one organization.
      if (current) {
        throw new DomainError("conflict", "You already belong to an organization");
      }
      await insertOrganization(trx, organization, userId);
    });
  }
}

/** Writes a new organization with `adminUserId` as its first member, an admin. */
export async function insertOrganization(
  db: Kysely<Database>,
  organization: { id: string; name: string },
  adminUserId: string,
): Promise<void> {
  await db
    .insertInto("organizations")
    .values({ ...organization, created_at: Date.now() })
    .execute();
  await db
    .insertInto("organization_members")
    .values({ organization_id: organization.id, user_id: adminUserId, role: "admin" })
    .execute();
}
