import type { GovernanceLevel, Permission } from "@entente/domain";
import type {
  InvitationKind,
  InvitationPreview,
  InvitationView,
  OrganizationView,
  PartnershipView,
} from "@entente/protocol";
import type { Kysely, Transaction } from "kysely";
import { SessionService } from "../auth/sessions.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { can } from "./policies.js";
import { newToken } from "../ids.js";
import { addSeat, seatOf } from "./memberships.js";
import { partnershipOrganizations } from "./partnership-directory.js";
import { recordApproval, requireConsentToJoin } from "./organization-consent.js";

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewInvitation {
  partnershipId: string;
  kind: InvitationKind;
  role: Permission;
  level: GovernanceLevel;
  organizationId: string | null;
  createdBy: string;
  /** The inviter's seat organization: it approves an organization invitation by making it. */
  inviterOrganizationId: string;
  publicOrigin: string;
  /** The address the link is e-mailed to, kept to show in the list of invitations. */
  email?: string | undefined;
}

/** What accepting did: the partnership, and the organization that joined with it if any. */
export interface AcceptedInvitation {
  partnership: PartnershipView;
  joinedOrganization: OrganizationView | null;
  /** Who made the invitation. */
  invitedBy: string;
}

/** Invitations are single-use links; only the SHA-256 of their token is stored. */
export async function createInvitation(
  db: Kysely<Database>,
  input: NewInvitation,
): Promise<InvitationView> {
  const token = newToken();
  const now = Date.now();
  const expiresAt = now + INVITATION_LIFETIME_MS;
  const id = SessionService.idOf(token);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("invitations")
      .values({
        id,
        partnership_id: input.partnershipId,
        kind: input.kind,
        role: input.role,
        level: input.level,
        organization_id: input.organizationId,
        created_by: input.createdBy,
        created_at: now,
        expires_at: expiresAt,
        accepted_by: null,
        accepted_at: null,
        email: input.email ?? null,
        inviter_organization_id: input.inviterOrganizationId,
        revoked_by: null,
        revoked_at: null,
      })
      .execute();
    if (input.kind === "organization") {
      await recordApproval(trx, id, input.inviterOrganizationId, input.createdBy);
    }
  });
  return {
    token,
    url: `${input.publicOrigin}/invite/${token}`,
    kind: input.kind,
    role: input.role,
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

async function findOpenInvitation(db: Kysely<Database> | Transaction<Database>, token: string) {
  const invitation = await db
    .selectFrom("invitations")
    .selectAll()
    .where("id", "=", SessionService.idOf(token))
    .executeTakeFirst();
  if (!invitation) throw DomainError.notFound("No such invitation");
  if (invitation.revoked_at !== null) {
    throw new DomainError("invitation_revoked", "This invitation was revoked");
  }
  if (invitation.accepted_at !== null) {
    throw new DomainError("invitation_used", "This invitation was already used");
  }
  if (invitation.expires_at <= Date.now()) {
    throw new DomainError("invitation_expired", "This invitation has expired");
  }
  return invitation;
}

export async function previewInvitation(
  db: Kysely<Database>,
  token: string,
): Promise<InvitationPreview> {
  const invitation = await findOpenInvitation(db, token);
  const partnership = await db
    .selectFrom("partnerships")
    .select(["id", "name"])
    .where("id", "=", invitation.partnership_id)
    .executeTakeFirstOrThrow();
  const organization = invitation.organization_id
    ? await db
        .selectFrom("organizations")
        .select(["id", "name"])
        .where("id", "=", invitation.organization_id)
        .executeTakeFirstOrThrow()
    : null;
  const inviter = await db
    .selectFrom("users")
    .select("name")
    .where("id", "=", invitation.created_by)
    .executeTakeFirstOrThrow();
  const partnerOrganizations = await partnershipOrganizations(db, invitation.partnership_id);
  const inviterOrganization =
    partnerOrganizations.find((o) => o.id === invitation.inviter_organization_id) ??
    organization ??
    partnerOrganizations[0];
  if (!inviterOrganization) throw DomainError.notFound("No such invitation");
  return {
    kind: invitation.kind,
    role: invitation.role,
    partnership,
    organization,
    expiresAt: new Date(invitation.expires_at).toISOString(),
    invitedBy: { name: inviter.name, organization: inviterOrganization },
    partnerOrganizations,
  };
}

/**
 * Accepts an invitation for `userId`. An organization invitation brings the user's
 * organization (which they administer) into the partnership; a member invitation
 * adds the user to the inviting organization. One transaction: all or nothing. An
 * organization joins only with the consent of every organization already in (see
 * `requireConsentToJoin`).
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  token: string,
  userId: string,
  requestedOrganizationId: string | undefined,
): Promise<AcceptedInvitation> {
  const { partnershipId, joinedOrganizationId, invitedBy } = await db
    .transaction()
    .execute((trx) => acceptInTransaction(trx, token, userId, requestedOrganizationId));
  return acceptedView(db, partnershipId, joinedOrganizationId, invitedBy);
}

/**
 * The accepting itself, inside the caller's transaction (signing up from an invitation
 * creates the account in the same one): seats `userId`, claims the link.
 */
export async function acceptInTransaction(
  trx: Transaction<Database>,
  token: string,
  userId: string,
  requestedOrganizationId: string | undefined,
): Promise<{ partnershipId: string; joinedOrganizationId: string | null; invitedBy: string }> {
  const invitation = await findOpenInvitation(trx, token);
  const partnershipId = invitation.partnership_id;
  const now = Date.now();
  let joinedOrganizationId = null as string | null;
  const alreadyIn = await seatOf(trx, partnershipId, userId);
  if (alreadyIn) throw new DomainError("conflict", "You are already in this partnership");

  const ownOrganization = await trx
    .selectFrom("organization_members")
    .select(["organization_id", "role"])
    .where("user_id", "=", userId)
    .executeTakeFirst();

  let organizationId: string;
  if (invitation.kind === "organization") {
    if (!ownOrganization) {
      throw new DomainError("conflict", "Create your organization before accepting");
    }
    organizationId = requestedOrganizationId ?? ownOrganization.organization_id;
    const ownSeat = {
      organizationId: ownOrganization.organization_id,
      permission: ownOrganization.role,
    };
    if (organizationId !== ownSeat.organizationId || !can(ownSeat, "run the organization")) {
      throw DomainError.forbidden(
        "Only an admin of the organization can bring it into a partnership",
      );
    }
    const joined = await trx
      .selectFrom("partnership_organizations")
      .select("organization_id")
      .where("partnership_id", "=", partnershipId)
      .where("organization_id", "=", organizationId)
      .executeTakeFirst();
    if (joined)
      throw new DomainError("conflict", "Your organization is already in this partnership");
    // Touching the partnership row locks it (PostgreSQL row lock, SQLite write lock), so
    // two organizations of look-alike names cannot both pass the name check.
    await trx
      .updateTable("partnerships")
      .set((eb) => ({ name: eb.ref("name") }))
      .where("id", "=", partnershipId)
      .execute();
    await requireConsentToJoin(trx, partnershipId, invitation.id, organizationId);
    joinedOrganizationId = organizationId;
    await trx
      .insertInto("partnership_organizations")
      .values({ partnership_id: partnershipId, organization_id: organizationId, joined_at: now })
      .execute();
  } else {
    organizationId = invitation.organization_id ?? "";
    if (ownOrganization && ownOrganization.organization_id !== organizationId) {
      throw new DomainError("conflict", "You already belong to another organization");
    }
    if (!ownOrganization) {
      await trx
        .insertInto("organization_members")
        .values({ organization_id: organizationId, user_id: userId, role: invitation.role })
        .execute();
    }
  }

  await addSeat(trx, {
    partnership_id: partnershipId,
    user_id: userId,
    organization_id: organizationId,
    permission: invitation.role,
    level: invitation.level,
  });
  // Single use, even against a concurrent accept of the same link or a revoke.
  const claimed = await trx
    .updateTable("invitations")
    .set({ accepted_by: userId, accepted_at: now })
    .where("id", "=", invitation.id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (claimed.numUpdatedRows !== 1n) {
    throw new DomainError("invitation_used", "This invitation was already used");
  }
  return { partnershipId, joinedOrganizationId, invitedBy: invitation.created_by };
}

/** The partnership (and organization) an accepted invitation led to, as the API shows them. */
export async function acceptedView(
  db: Kysely<Database>,
  partnershipId: string,
  joinedOrganizationId: string | null,
  invitedBy: string,
): Promise<AcceptedInvitation> {
  const partnership = await db
    .selectFrom("partnerships")
    .select(["id", "name", "created_at"])
    .where("id", "=", partnershipId)
    .executeTakeFirstOrThrow();
  const joinedOrganization =
    joinedOrganizationId === null
      ? null
      : await db
          .selectFrom("organizations")
          .select(["id", "name"])
          .where("id", "=", joinedOrganizationId)
          .executeTakeFirstOrThrow();
  return {
    partnership: {
      id: partnership.id,
      name: partnership.name,
      createdAt: new Date(partnership.created_at).toISOString(),
    },
    joinedOrganization,
    invitedBy,
  };
}
