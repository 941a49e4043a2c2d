/**
 * JSON shapes of the HTTP API (see docs/API.md). The server builds them, the web
 * app reads them; both import them from here.
 */
import type { DocumentAccess, GovernanceLevel, Permission } from "@entente/domain";

export interface UserView {
  id: string;
  email: string;
  name: string;
}

export interface OrganizationView {
  id: string;
  name: string;
}

export interface MyOrganization extends OrganizationView {
  role: Permission;
}

export interface PartnershipView {
  id: string;
  name: string;
  createdAt: string;
}

export interface MyPartnership extends PartnershipView {
  organizationId: string;
  permission: Permission;
  level: GovernanceLevel;
}

export interface PartnershipMemberView {
  id: string;
  name: string;
  organizationId: string;
  permission: Permission;
  level: GovernanceLevel;
}

export interface DocumentEntry {
  name: string;
  access: Exclude<DocumentAccess, "none">;
}

export interface MeResponse {
  user: UserView;
  organizations: MyOrganization[];
  partnerships: MyPartnership[];
}

export interface PartnershipResponse {
  partnership: PartnershipView;
  organizations: OrganizationView[];
  members: PartnershipMemberView[];
  documents: DocumentEntry[];
}

export type InvitationKind = "organization" | "member";

export interface InvitationView {
  token: string;
  url: string;
  kind: InvitationKind;
  role: Permission;
  expiresAt: string;
}

/** `GET /api/invitations/:token`: what the accept page shows before accepting. */
export interface InvitationPreview {
  kind: InvitationKind;
  role: Permission;
  partnership: { id: string; name: string };
  /** Member invitations: the organization the invitee would join. */
  organization: OrganizationView | null;
  expiresAt: string;
}
