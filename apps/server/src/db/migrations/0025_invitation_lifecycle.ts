import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function invitationLifecycle(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // Who an invitation was e-mailed to, which organization made it (the one whose admins
      // may revoke it), and its revocation.
      await db.schema.alterTable("invitations").addColumn("email", "text").execute();
      await db.schema
        .alterTable("invitations")
        .addColumn("inviter_organization_id", "text")
        .execute();
      await db.schema.alterTable("invitations").addColumn("revoked_by", "text").execute();
      await db.schema.alterTable("invitations").addColumn("revoked_at", millis).execute();
      // Invitations made before this: the inviter's seat in the partnership tells.
      await sql`
          UPDATE invitations SET inviter_organization_id = (
            SELECT partnership_members.organization_id FROM partnership_members
            WHERE partnership_members.partnership_id = invitations.partnership_id
              AND partnership_members.user_id = invitations.created_by
          )
        `.execute(db);
    },
  };
}
