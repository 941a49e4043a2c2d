import type { GovernanceLevel, Permission } from "@entente/domain";
import type { Language, PartnershipTemplateId } from "@entente/protocol";
import type { Millis } from "./millis.js";

/**
 * Partnerships: the organizations and seats in each, invitations and their approvals,
 * the template a partnership started from, each member's landing page.
 */

export interface PartnershipsTable {
  id: string;
  name: string;
  created_by: string;
  created_at: Millis;
}

export interface PartnershipOrganizationsTable {
  partnership_id: string;
  organization_id: string;
  joined_at: Millis;
}

export interface PartnershipMembersTable {
  partnership_id: string;
  user_id: string;
  organization_id: string;
  permission: Permission;
  level: GovernanceLevel;
}

export interface InvitationsTable {
  /** SHA-256 of the invitation token, hex. */
  id: string;
  partnership_id: string;
  kind: "organization" | "member";
  role: Permission;
  level: GovernanceLevel;
  /** For member invitations: the organization the invitee joins. */
  organization_id: string | null;
  created_by: string;
  created_at: Millis;
  expires_at: Millis;
  accepted_by: string | null;
  accepted_at: Millis | null;
  /** The address the link was e-mailed to, if any (0025). */
  email: string | null;
  /** The inviter's seat organization when inviting: its admins may revoke (0025). */
  inviter_organization_id: string | null;
  revoked_by: string | null;
  revoked_at: Millis | null;
}

/** An organization's approval of an organization invitation of its partnership. */
export interface InvitationApprovalsTable {
  invitation_id: string;
  organization_id: string;
  approved_by: string;
  approved_at: Millis;
}

/** The page a member lands on when opening a partnership; no row: the charter. */
export interface LandingPagesTable {
  user_id: string;
  partnership_id: string;
  page: "charter" | "dashboard";
  updated_at: number;
}

/** The template a partnership started from; no row: it started blank. */
export interface PartnershipTemplatesTable {
  partnership_id: string;
  template: PartnershipTemplateId;
  language: Language;
  created_at: Millis;
}
