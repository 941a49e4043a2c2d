import type {
  InvitationView,
  OrganizationInvitationView,
  SentInvitationView,
} from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import {
  listSentInvitations,
  revokeInvitation,
  signUpFromInvitation,
  type InvitationSignup,
} from "./invitation-lifecycle.js";
import {
  acceptInvitation,
  createInvitation,
  previewInvitation,
  type AcceptedInvitation,
  type NewInvitation,
} from "./invitations.js";
import {
  approveOrganizationInvitation,
  listOrganizationInvitations,
} from "./organization-consent.js";

/** Who acts on an invitation: a user for their seat's organization. */
interface Actor {
  userId: string;
  organizationId: string;
}

/**
 * Invitations into partnerships over one store: made, previewed, accepted (signing up or
 * signed in), listed with their status, revoked, and approved by the organizations already
 * in (see invitations.ts, invitation-lifecycle.ts, organization-consent.ts). The callers
 * have checked who may do each.
 */
export class InvitationService {
  constructor(private readonly db: Kysely<Database>) {}

  create(input: NewInvitation): Promise<InvitationView> {
    return createInvitation(this.db, input);
  }

  preview(token: string): ReturnType<typeof previewInvitation> {
    return previewInvitation(this.db, token);
  }

  accept(
    token: string,
    userId: string,
    requestedOrganizationId: string | undefined,
  ): Promise<AcceptedInvitation> {
    return acceptInvitation(this.db, token, userId, requestedOrganizationId);
  }

  signUp(token: string, signup: InvitationSignup): ReturnType<typeof signUpFromInvitation> {
    return signUpFromInvitation(this.db, token, signup);
  }

  /** The invitations `organizationId` made in the partnership, with their status. */
  listSent(partnershipId: string, organizationId: string): Promise<SentInvitationView[]> {
    return listSentInvitations(this.db, partnershipId, organizationId);
  }

  revoke(partnershipId: string, invitationId: string, by: Actor): Promise<SentInvitationView> {
    return revokeInvitation(this.db, partnershipId, invitationId, by);
  }

  /** Organization invitations of the partnership, with the approvals they wait for. */
  listForApproval(partnershipId: string): Promise<OrganizationInvitationView[]> {
    return listOrganizationInvitations(this.db, partnershipId);
  }

  approve(
    partnershipId: string,
    invitationId: string,
    by: Actor,
  ): Promise<OrganizationInvitationView> {
    return approveOrganizationInvitation(this.db, partnershipId, invitationId, by);
  }
}
