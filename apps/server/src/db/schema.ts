import type { Generated } from "kysely";
import type { GovernanceLevel, Permission } from "@entente/domain";

/** Times are milliseconds since the epoch in both SQLite and PostgreSQL. */
type Millis = number;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: Millis;
}

export interface SessionsTable {
  /** SHA-256 of the session token, hex; the token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: Millis;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: Millis;
}

export interface OrganizationMembersTable {
  organization_id: string;
  /** A user belongs to one organization: unique. */
  user_id: string;
  role: Permission;
}

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
}

export interface DocumentUpdatesTable {
  id: Generated<number>;
  document_name: string;
  /** Empty once compaction moved its content into the document's snapshot. */
  update: Uint8Array;
  /** Who sent it, stamped by the server; null for server-written content (seed). */
  user_id: string | null;
  organization_id: string | null;
  created_at: Millis;
}

/** The merge of a document's updates up to `last_update_id` (written by compaction). */
export interface DocumentSnapshotsTable {
  document_name: string;
  state: Uint8Array;
  last_update_id: number;
  updated_at: Millis;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  organizations: OrganizationsTable;
  organization_members: OrganizationMembersTable;
  partnerships: PartnershipsTable;
  partnership_organizations: PartnershipOrganizationsTable;
  partnership_members: PartnershipMembersTable;
  invitations: InvitationsTable;
  document_updates: DocumentUpdatesTable;
  document_snapshots: DocumentSnapshotsTable;
}
