import type {
  InvitationStatus,
  OrganizationView,
  SentInvitationView,
  UserView,
} from "@entente/protocol";
import type { Kysely } from "kysely";
import { SessionService } from "../auth/sessions.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import { acceptedView, acceptInTransaction, type AcceptedInvitation } from "./invitations.js";
import { insertOrganization } from "./organizations.js";

/**
 * The life of an invitation after it is made: its status as its organization's admins see
 * it, revoking it, and signing up from it. Only the organization that made an invitation
 * lists or revokes it (its seat organization when inviting, recorded by the server).
 */

/** Where an invitation stands at `now`; a used or revoked one stays so after its expiry. */
export function invitationStatus(
  row: { accepted_at: number | null; revoked_at: number | null; expires_at: number },
  now: number,
): InvitationStatus {
  if (row.accepted_at !== null) return "used";
  if (row.revoked_at !== null) return "revoked";
  return row.expires_at <= now ? "expired" : "pending";
}

const MAX_LISTED = 100;

/** The invitations `organizationId` made in the partnership, newest first (at most 100). */
export async function listSentInvitations(
  db: Kysely<Database>,
  partnershipId: string,
  organizationId: string,
  invitationId?: string,
): Promise<SentInvitationView[]> {
  let query = db
    .selectFrom("invitations")
    .innerJoin("users as inviter", "inviter.id", "invitations.created_by")
    .leftJoin("users as acceptor", "acceptor.id", "invitations.accepted_by")
    .leftJoin("users as revoker", "revoker.id", "invitations.revoked_by")
    .select([
      "invitations.id",
      "invitations.kind",
      "invitations.role",
      "invitations.level",
      "invitations.email",
      "invitations.created_at",
      "invitations.expires_at",
      "invitations.accepted_at",
      "invitations.revoked_at",
      "inviter.id as inviter_id",
      "inviter.name as inviter_name",
      "acceptor.id as acceptor_id",
      "acceptor.name as acceptor_name",
      "revoker.id as revoker_id",
      "revoker.name as revoker_name",
    ])
    .where("invitations.partnership_id", "=", partnershipId)
    .where("invitations.inviter_organization_id", "=", organizationId);
  if (invitationId !== undefined) query = query.where("invitations.id", "=", invitationId);
  const rows = await query
    .orderBy("invitations.created_at", "desc")
    .orderBy("invitations.id")
    .limit(MAX_LISTED)
    .execute();
  const now = Date.now();
  const iso = (millis: number | null) => (millis === null ? null : new Date(millis).toISOString());
  const person = (id: string | null, name: string | null) =>
    id === null || name === null ? null : { id, name };
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    role: row.role,
    level: row.level,
    status: invitationStatus(row, now),
    email: row.email,
    invitedBy: { id: row.inviter_id, name: row.inviter_name },
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    acceptedBy: person(row.acceptor_id, row.acceptor_name),
    acceptedAt: iso(row.accepted_at),
    revokedBy: person(row.revoker_id, row.revoker_name),
    revokedAt: iso(row.revoked_at),
  }));
}

/**
 * Revokes an invitation `revoker.organizationId` made (403 for another organization's). A used invitation cannot be revoked (409); revoking again changes nothing.
 */
export async function revokeInvitation(
  db: Kysely<Database>,
  partnershipId: string,
  invitationId: string,
  revoker: { userId: string; organizationId: string },
): Promise<SentInvitationView> {
  const invitation = await db
    .selectFrom("invitations")
    .select(["id", "accepted_at", "revoked_at", "inviter_organization_id"])
    .where("id", "=", invitationId)
    .where("partnership_id", "=", partnershipId)
    .executeTakeFirst();
  if (!invitation) throw DomainError.notFound("No such invitation");
  if (invitation.inviter_organization_id !== revoker.organizationId) {
    throw DomainError.forbidden("Only an admin of the inviting organization can revoke it");
  }
  if (invitation.accepted_at !== null) {
    throw new DomainError("invitation_used", "This invitation was already used");
  }
  if (invitation.revoked_at === null) {
    // Against a concurrent accept: only an unclaimed invitation is revoked.
    const revoked = await db
      .updateTable("invitations")
      .set({ revoked_by: revoker.userId, revoked_at: Date.now() })
      .where("id", "=", invitationId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (revoked.numUpdatedRows !== 1n) {
      const again = await db
        .selectFrom("invitations")
        .select("accepted_at")
        .where("id", "=", invitationId)
        .executeTakeFirstOrThrow();
      if (again.accepted_at !== null) {
        throw new DomainError("invitation_used", "This invitation was already used");
      }
    }
  }
  const [view] = await listSentInvitations(db, partnershipId, revoker.organizationId, invitationId);
  if (!view) throw DomainError.notFound("No such invitation");
  return view;
}

/** A new account, as `signUpFromInvitation` takes it (the password already hashed). */
export interface InvitationSignup {
  email: string;
  name: string;
  passwordHash: string;
  /** Organization invitations: the organization the new account creates and administers. */
  organizationName?: string | undefined;
}

/**
 * Creates an account and accepts the invitation with it, in one transaction: if the
 * invitation cannot be accepted (used, expired, revoked, waiting for approvals, a name
 * taken), no account is left behind either. An organization invitation needs
 * `organizationName`: the newcomer creates their organization, as its admin, and brings it in.
 */
export async function signUpFromInvitation(
  db: Kysely<Database>,
  token: string,
  signup: InvitationSignup,
): Promise<{
  user: UserView;
  accepted: AcceptedInvitation;
  organization: OrganizationView | null;
}> {
  const user: UserView = { id: newId(), email: signup.email, name: signup.name };
  const created = await db.transaction().execute(async (trx) => {
    const kind = await trx
      .selectFrom("invitations")
      .select("kind")
      .where("id", "=", SessionService.idOf(token))
      .executeTakeFirst();
    if (!kind) throw DomainError.notFound("No such invitation");
    const inserted = await trx
      .insertInto("users")
      .values({ ...user, password_hash: signup.passwordHash, created_at: Date.now() })
      .onConflict((conflict) => conflict.column("email").doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows !== 1n) {
      throw new DomainError("email_taken", "An account with this e-mail exists");
    }
    let organization: OrganizationView | null = null;
    if (kind.kind === "organization") {
      if (signup.organizationName === undefined) {
        const message = "required for an organization invitation";
        throw new DomainError("invalid_input", `organizationName: ${message}`, [
          { path: "organizationName", message },
        ]);
      }
      organization = { id: newId(), name: signup.organizationName };
      await insertOrganization(trx, organization, user.id);
    }
    const accepted = await acceptInTransaction(trx, token, user.id, organization?.id);
    return { accepted, organization };
  });
  const { partnershipId, joinedOrganizationId, invitedBy } = created.accepted;
  return {
    user,
    accepted: await acceptedView(db, partnershipId, joinedOrganizationId, invitedBy),
    organization: created.organization,
  };
}
