/*
 * JSON answers about the invitations an organization sent (their lifecycle) and the
 * account made from one.
 */
import { PERMISSIONS } from "@entente/domain";
import { z } from "zod";
import {
  InvitationKind,
  InvitationView,
  OrganizationView,
  PartnershipView,
  UserView,
} from "./partnerships.js";
import { GovernanceLevel } from "../vocabulary.js";

/** Where an invitation stands: `pending` links can still be accepted. */
export const InvitationStatus = z.enum(["pending", "used", "expired", "revoked"]);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/**
 * What happened to the e-mail asked for when creating an invitation. `sent`: handed to the
 * configured SMTP server. Otherwise `reason` says why no e-mail went out (no SMTP configured,
 * or the SMTP server refused it); the link works either way.
 */
export const InvitationEmailDelivery = z.strictObject({
  to: z.string(),
  sent: z.boolean(),
  reason: z.enum(["smtp_not_configured", "send_failed"]).optional(),
});
export type InvitationEmailDelivery = z.infer<typeof InvitationEmailDelivery>;

/** `POST /api/partnerships/:id/invitations` (201). `email` only when an address was given. */
export const CreateInvitationResponse = z.strictObject({
  invitation: InvitationView,
  email: InvitationEmailDelivery.optional(),
});
export type CreateInvitationResponse = z.infer<typeof CreateInvitationResponse>;

const Person = z.strictObject({ id: z.string(), name: z.string() });

/** An invitation the caller's organization made, as its admins see it (never its token). */
export const SentInvitationView = z.strictObject({
  /** Stable id of the invitation (hex SHA-256 of its token). */
  id: z.string(),
  kind: InvitationKind,
  role: z.enum(PERMISSIONS),
  level: GovernanceLevel,
  status: InvitationStatus,
  /** The address the link was e-mailed to, if any. */
  email: z.string().nullable(),
  invitedBy: Person,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedBy: Person.nullable(),
  acceptedAt: z.string().nullable(),
  revokedBy: Person.nullable(),
  revokedAt: z.string().nullable(),
});
export type SentInvitationView = z.infer<typeof SentInvitationView>;

/** `GET /api/partnerships/:id/invitations`: newest first. */
export const SentInvitationListResponse = z.strictObject({
  invitations: z.array(SentInvitationView),
});
export type SentInvitationListResponse = z.infer<typeof SentInvitationListResponse>;

/** `POST /api/partnerships/:id/invitations/:invitationId/revoke`. */
export const SentInvitationResponse = z.strictObject({ invitation: SentInvitationView });
export type SentInvitationResponse = z.infer<typeof SentInvitationResponse>;

/** `POST /api/invitations/:token/signup` (201): the new account, already in the partnership. */
export const InvitationSignupResponse = z.strictObject({
  user: UserView,
  partnership: PartnershipView,
  /** Organization invitations: the organization created with the account. */
  organization: OrganizationView.nullable(),
});
export type InvitationSignupResponse = z.infer<typeof InvitationSignupResponse>;
