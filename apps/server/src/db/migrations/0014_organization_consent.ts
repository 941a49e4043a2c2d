import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function organizationConsent(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // Which organizations of a partnership approved an organization invitation.
      await db.schema
        .createTable("invitation_approvals")
        .addColumn("invitation_id", "text", (c) =>
          c.notNull().references("invitations.id").onDelete("cascade"),
        )
        .addColumn("organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("approved_by", "text", (c) =>
          c.notNull().references("users.id").onDelete("cascade"),
        )
        .addColumn("approved_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("invitation_approvals_pk", ["invitation_id", "organization_id"])
        .execute();
    },
  };
}
