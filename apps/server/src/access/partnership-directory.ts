import type { OrganizationView, PartnershipMemberView, PartnershipView } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { namedMembers } from "./memberships.js";

export interface PartnershipDirectory {
  partnership: PartnershipView;
  /** In the order they joined: the web app's colour order. */
  organizations: OrganizationView[];
  /** Only the partnership's own members: an organization's directory stays its own. */
  members: PartnershipMemberView[];
}

/** The organizations of a partnership (id and name), in the order they joined. */
export function partnershipOrganizations(
  db: Kysely<Database>,
  partnershipId: string,
): Promise<OrganizationView[]> {
  return db
    .selectFrom("partnership_organizations")
    .innerJoin("organizations", "organizations.id", "partnership_organizations.organization_id")
    .select(["organizations.id", "organizations.name"])
    .where("partnership_organizations.partnership_id", "=", partnershipId)
    .orderBy("partnership_organizations.joined_at")
    .orderBy("organizations.id")
    .execute();
}

/** Who is in a partnership. The caller has checked that its user may see it. */
export async function readPartnershipDirectory(
  db: Kysely<Database>,
  partnershipId: string,
): Promise<PartnershipDirectory> {
  const partnership = await db
    .selectFrom("partnerships")
    .select(["id", "name", "created_at"])
    .where("id", "=", partnershipId)
    .executeTakeFirstOrThrow();
  const organizations = await partnershipOrganizations(db, partnershipId);
  const members = await namedMembers(db, partnershipId, { orderByName: true });
  return {
    partnership: {
      id: partnership.id,
      name: partnership.name,
      createdAt: new Date(partnership.created_at).toISOString(),
    },
    organizations,
    members: members.map((member) => ({
      id: member.id,
      name: member.name,
      organizationId: member.organization_id,
      permission: member.permission,
      level: member.level,
    })),
  };
}
