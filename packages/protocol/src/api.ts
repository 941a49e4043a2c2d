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
  /** Who made the invitation, and for which organization (as the server recorded it). */
  invitedBy: { name: string; organization: OrganizationView };
  /** The organizations already in the partnership, in the order they joined. */
  partnerOrganizations: OrganizationView[];
}

/** An organization's approval of an organization invitation (the inviter's, by inviting). */
export interface InvitationApprovalView {
  organization: OrganizationView;
  approvedBy: { id: string; name: string };
  approvedAt: string;
}

/**
 * An organization invitation of a partnership not accepted yet. It can be accepted once
 * every organization in the partnership approved it (`waitingFor` empty).
 */
export interface OrganizationInvitationView {
  /** Stable id of the invitation (not its token). */
  id: string;
  role: Permission;
  createdAt: string;
  expiresAt: string;
  invitedBy: { id: string; name: string; organizationId: string };
  approvals: InvitationApprovalView[];
  /** Organizations of the partnership whose approval is still missing. */
  waitingFor: OrganizationView[];
}

/** `GET /api/partnerships/:id/organization-invitations`: open ones, newest first. */
export interface OrganizationInvitationListResponse {
  invitations: OrganizationInvitationView[];
}

/** `POST /api/partnerships/:id/organization-invitations/:invitationId/approve`. */
export interface OrganizationInvitationResponse {
  invitation: OrganizationInvitationView;
}

/** One organization's endorsement of one version of the charter, stamped by the server. */
export interface CharterEndorsementView {
  organizationId: string;
  userId: string;
  userName: string;
  /**
   * The version endorsed: lowercase hex SHA-256 of the charter's visible content (canonical
   * JSON of its Tiptap document). For machines: people see `versionNumber`.
   */
  version: string;
  /** The version's number in the charter's life (1, 2, 3…), as people name it. */
  versionNumber: number;
  endorsedAt: string;
}

/** The latest endorsement of one organization, as the charter status lists it. */
export interface CharterStatusEndorsement extends CharterEndorsementView {
  organizationName: string;
  /** Whether it endorses the charter as it is now. */
  current: boolean;
}

export interface CharterStatus {
  /** The charter's current version (send it back as the endorsement's `version`). */
  version: string;
  /** The current version's number (1, 2, 3… per charter, in the order the server saw them). */
  versionNumber: number;
  /** The charter has no visible text: it cannot be endorsed. */
  empty: boolean;
  /** Every organization of the partnership (two at least) endorsed the current version. */
  ratified: boolean;
  /** Someone endorsed, and at least one organization's latest endorsement is of an older version. */
  changedSinceEndorsement: boolean;
  /** The latest endorsement of each organization that ever endorsed, in partnership order. */
  endorsements: CharterStatusEndorsement[];
}

/** `GET /api/partnerships/:id/charter/status`. */
export interface CharterStatusResponse {
  status: CharterStatus;
}

/** `POST /api/partnerships/:id/charter/endorsements`. */
export interface EndorseCharterResponse {
  endorsement: CharterEndorsementView;
  status: CharterStatus;
}

export type DecisionVoteValue = "approve" | "reject";

/** Pending until every organization approved (then approved) or one rejected (then rejected). */
export type DecisionOutcome = "pending" | "approved" | "rejected";

/** One organization's vote on a decision, stamped by the server. */
export interface DecisionVoteView {
  decisionId: string;
  organizationId: string;
  userId: string;
  userName: string;
  vote: DecisionVoteValue;
  comment: string | null;
  votedAt: string;
  /**
   * Cast on the decision's content as it is now (for a decided decision: as decided). False:
   * the content changed since ("stale"); the vote is shown but does not count.
   */
  current: boolean;
}

/** `POST /api/partnerships/:id/decisions/:decisionId/votes`. */
export interface CastVoteResponse {
  vote: DecisionVoteView;
  /** The decision's outcome after this vote. */
  outcome: DecisionOutcome;
  /** The content version the vote was cast on. */
  contentVersion: string;
}

/**
 * What a decision says, as voted on and decided: every field but its status. `null` for a
 * field absent from the entry (or unreadable there).
 */
export interface DecisionContentView {
  title: string | null;
  context: string | null;
  governanceLevel: string | null;
  proposedBy: string | null;
  meetingId: string | null;
  supersedes: string | null;
}

/** Where one decision stands: its outcome and the latest vote of each organization. */
export interface DecisionVotesView {
  outcome: DecisionOutcome;
  /**
   * The version of the content the votes are counted on: the decision's current content
   * while pending, the decided content once approved or rejected (SHA-256 hex of its
   * canonical JSON). Send it back with a vote.
   */
  contentVersion: string;
  /** The latest vote of each organization (up to the deciding one); only `current` ones count. */
  votes: DecisionVoteView[];
  /** Once approved or rejected: the content decided, which the server keeps in the document. */
  agreed?: DecisionContentView;
}

/** `GET /api/partnerships/:id/decisions/votes`: every decision that has votes, by id. */
export interface DecisionVotesResponse {
  decisions: Record<string, DecisionVotesView>;
}
