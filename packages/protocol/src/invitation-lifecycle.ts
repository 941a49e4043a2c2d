import type { GovernanceLevel, Permission } from "@entente/domain";
import type {
  InvitationKind,
  InvitationView,
  OrganizationView,
  PartnershipView,
  UserView,
} from "./api.js";

/** Where an invitation stands: `pending` links can still be accepted. */
export type InvitationStatus = "pending" | "used" | "expired" | "revoked";

/**
 * What happened to the e-mail asked for when creating an invitation. `sent`: handed to the
 * configured SMTP server. Otherwise `reason` says why no e-mail went out (no SMTP configured,
 * or the SMTP server refused it); the link works either way.
 */
export interface InvitationEmailDelivery {
  to: string;
  sent: boolean;
  reason?: "smtp_not_configured" | "send_failed";
}

/** `POST /api/partnerships/:id/invitations` (201). `email` only when an address was given. */
export interface CreateInvitationResponse {
  invitation: InvitationView;
  email?: InvitationEmailDelivery;
}

/** An invitation the caller's organization made, as its admins see it (never its token). */
export interface SentInvitationView {
  /** Stable id of the invitation (hex SHA-256 of its token). */
  id: string;
  kind: InvitationKind;
  role: Permission;
  level: GovernanceLevel;
  status: InvitationStatus;
  /** The address the link was e-mailed to, if any. */
  email: string | null;
  invitedBy: { id: string; name: string };
  createdAt: string;
  expiresAt: string;
  acceptedBy: { id: string; name: string } | null;
  acceptedAt: string | null;
  revokedBy: { id: string; name: string } | null;
  revokedAt: string | null;
}

/** `GET /api/partnerships/:id/invitations`: newest first. */
export interface SentInvitationListResponse {
  invitations: SentInvitationView[];
}

/** `POST /api/partnerships/:id/invitations/:invitationId/revoke`. */
export interface SentInvitationResponse {
  invitation: SentInvitationView;
}

/** `POST /api/invitations/:token/signup` (201): the new account, already in the partnership. */
export interface InvitationSignupResponse {
  user: UserView;
  partnership: PartnershipView;
  /** Organization invitations: the organization created with the account. */
  organization: OrganizationView | null;
}
