import { comparableName } from "@entente/domain";
import type { OrganizationInvitationView, OrganizationView } from "@entente/protocol";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { leftJoinSeat } from "./memberships.js";
import { partnershipOrganizations } from "./partnership-directory.js";

/**
 * Consent to join: an organization invitation brings a new organization in only once every
 * organization already in the partnership approved it (the inviting one did by inviting),
 * and only under a name no organization of the partnership holds (compared without case,
 * accents or extra spaces). One side alone cannot seat a look-alike of the other.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** Records `organizationId`'s approval (again is a no-op). */
export async function recordApproval(
  db: Db,
  invitationId: string,
  organizationId: string,
  userId: string,
): Promise<void> {
  await db
    .insertInto("invitation_approvals")
    .values({
      invitation_id: invitationId,
      organization_id: organizationId,
      approved_by: userId,
      approved_at: Date.now(),
    })
    .onConflict((conflict) => conflict.columns(["invitation_id", "organization_id"]).doNothing())
    .execute();
}

/** Organizations of the partnership that have not approved the invitation yet. */
export async function missingApprovals(
  db: Db,
  partnershipId: string,
  invitationId: string,
): Promise<OrganizationView[]> {
  const organizations = await partnershipOrganizations(db, partnershipId);
  const approved = new Set(
    (
      await db
        .selectFrom("invitation_approvals")
        .select("organization_id")
        .where("invitation_id", "=", invitationId)
        .execute()
    ).map((row) => row.organization_id),
  );
  return organizations.filter((organization) => !approved.has(organization.id));
}

/**
 * Throws 409 `approval_pending` (with the organizations still to approve) or 409
 * `name_taken` unless `organizationId` may join now. Run inside the accepting
 * transaction, after the partnership row is locked, so two joins cannot both pass.
 */
export async function requireConsentToJoin(
  trx: Transaction<Database>,
  partnershipId: string,
  invitationId: string,
  organizationId: string,
): Promise<void> {
  const waitingFor = await missingApprovals(trx, partnershipId, invitationId);
  if (waitingFor.length > 0) {
    throw new DomainError(
      "approval_pending",
      `Waiting for the approval of ${waitingFor.map((o) => o.name).join(", ")}`,
      { waitingFor },
    );
  }
  const joining = await trx
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", organizationId)
    .executeTakeFirstOrThrow();
  const key = comparableName(joining.name);
  const present = await partnershipOrganizations(trx, partnershipId);
  if (present.some((organization) => comparableName(organization.name) === key)) {
    throw new DomainError(
      "name_taken",
      "An organization of this partnership already has this name",
    );
  }
}

/** Open organization invitations of the partnership with their approvals, newest first. */
export async function listOrganizationInvitations(
  db: Kysely<Database>,
  partnershipId: string,
  now = Date.now(),
): Promise<OrganizationInvitationView[]> {
  const invitations = await leftJoinSeat(
    db.selectFrom("invitations").innerJoin("users", "users.id", "invitations.created_by"),
    "invitations.partnership_id",
    "invitations.created_by",
  )
    .select([
      "invitations.id",
      "invitations.role",
      "invitations.created_at",
      "invitations.expires_at",
      "users.id as inviter_id",
      "users.name as inviter_name",
      "seat.organization_id as inviter_organization_id",
    ])
    .where("invitations.partnership_id", "=", partnershipId)
    .where("invitations.kind", "=", "organization")
    .where("invitations.accepted_at", "is", null)
    .where("invitations.revoked_at", "is", null)
    .where("invitations.expires_at", ">", now)
    .orderBy("invitations.created_at", "desc")
    .orderBy("invitations.id")
    .execute();
  if (invitations.length === 0) return [];

  const organizations = await partnershipOrganizations(db, partnershipId);
  const approvals = await db
    .selectFrom("invitation_approvals")
    .innerJoin("organizations", "organizations.id", "invitation_approvals.organization_id")
    .innerJoin("users", "users.id", "invitation_approvals.approved_by")
    .select([
      "invitation_approvals.invitation_id",
      "invitation_approvals.approved_at",
      "organizations.id as organization_id",
      "organizations.name as organization_name",
      "users.id as user_id",
      "users.name as user_name",
    ])
    .where(
      "invitation_approvals.invitation_id",
      "in",
      invitations.map((i) => i.id),
    )
    .orderBy("invitation_approvals.approved_at")
    .execute();

  return invitations.map((invitation) => {
    const own = approvals.filter((a) => a.invitation_id === invitation.id);
    const approved = new Set(own.map((a) => a.organization_id));
    return {
      id: invitation.id,
      role: invitation.role,
      createdAt: new Date(invitation.created_at).toISOString(),
      expiresAt: new Date(invitation.expires_at).toISOString(),
      invitedBy: {
        id: invitation.inviter_id,
        name: invitation.inviter_name,
        organizationId: invitation.inviter_organization_id ?? "",
      },
      approvals: own.map((a) => ({
        organization: { id: a.organization_id, name: a.organization_name },
        approvedBy: { id: a.user_id, name: a.user_name },
        approvedAt: new Date(a.approved_at).toISOString(),
      })),
      waitingFor: organizations.filter((o) => !approved.has(o.id)),
    };
  });
}

/**
 * The approval of the caller's organization (`organizationId`, their seat's) for an open
 * organization invitation of the partnership; 404 for any other invitation.
 */
export async function approveOrganizationInvitation(
  db: Kysely<Database>,
  partnershipId: string,
  invitationId: string,
  approver: { userId: string; organizationId: string },
): Promise<OrganizationInvitationView> {
  const invitation = await db
    .selectFrom("invitations")
    .select(["id", "accepted_at", "expires_at", "revoked_at"])
    .where("id", "=", invitationId)
    .where("partnership_id", "=", partnershipId)
    .where("kind", "=", "organization")
    .executeTakeFirst();
  if (!invitation) throw DomainError.notFound("No such organization invitation");
  if (invitation.revoked_at !== null) {
    throw new DomainError("invitation_revoked", "This invitation was revoked");
  }
  if (invitation.accepted_at !== null) {
    throw new DomainError("invitation_used", "This invitation was already used");
  }
  const now = Date.now();
  if (invitation.expires_at <= now) {
    throw new DomainError("invitation_expired", "This invitation has expired");
  }
  await recordApproval(db, invitationId, approver.organizationId, approver.userId);
  const views = await listOrganizationInvitations(db, partnershipId, now);
  const view = views.find((v) => v.id === invitationId);
  if (!view) throw DomainError.notFound("No such organization invitation");
  return view;
}
