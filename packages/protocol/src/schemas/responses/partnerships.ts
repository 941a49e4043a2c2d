/*
 * JSON answers about people, organizations, partnerships and their governance (charter
 * endorsements, decision votes, organization invitations). The server builds them, the web
 * app reads them (see docs/API.md); their types are exported from the main entry.
 */
import { PERMISSIONS } from "@entente/domain";
import { z } from "zod";
import { DECISION_VOTES } from "../governance.js";
import { GovernanceLevel } from "../vocabulary.js";

const Permission = z.enum(PERMISSIONS);

export const UserView = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
});
export type UserView = z.infer<typeof UserView>;

export const OrganizationView = z.strictObject({
  id: z.string(),
  name: z.string(),
});
export type OrganizationView = z.infer<typeof OrganizationView>;

export const MyOrganization = OrganizationView.extend({
  role: Permission,
});
export type MyOrganization = z.infer<typeof MyOrganization>;

export const PartnershipView = z.strictObject({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type PartnershipView = z.infer<typeof PartnershipView>;

export const MyPartnership = PartnershipView.extend({
  organizationId: z.string(),
  permission: Permission,
  level: GovernanceLevel,
});
export type MyPartnership = z.infer<typeof MyPartnership>;

export const PartnershipMemberView = z.strictObject({
  id: z.string(),
  name: z.string(),
  organizationId: z.string(),
  permission: Permission,
  level: GovernanceLevel,
});
export type PartnershipMemberView = z.infer<typeof PartnershipMemberView>;

export const DocumentEntry = z.strictObject({
  name: z.string(),
  /** Documents the seat has no access to are not listed. */
  access: z.enum(["write", "read"]),
});
export type DocumentEntry = z.infer<typeof DocumentEntry>;

/** `GET /api/me`. */
export const MeResponse = z.strictObject({
  user: UserView,
  organizations: z.array(MyOrganization),
  partnerships: z.array(MyPartnership),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** `GET /api/partnerships/:id`. */
export const PartnershipResponse = z.strictObject({
  partnership: PartnershipView,
  organizations: z.array(OrganizationView),
  members: z.array(PartnershipMemberView),
  documents: z.array(DocumentEntry),
});
export type PartnershipResponse = z.infer<typeof PartnershipResponse>;

/** `POST /api/auth/login`, `POST /api/auth/signup`. */
export const UserResponse = z.strictObject({ user: UserView });
export type UserResponse = z.infer<typeof UserResponse>;

/** `POST /api/organizations` (201). */
export const OrganizationResponse = z.strictObject({ organization: OrganizationView });
export type OrganizationResponse = z.infer<typeof OrganizationResponse>;

/** `POST /api/partnerships` (201), `POST /api/invitations/:token/accept`. */
export const PartnershipCreatedResponse = z.strictObject({ partnership: PartnershipView });
export type PartnershipCreatedResponse = z.infer<typeof PartnershipCreatedResponse>;

export const InvitationKind = z.enum(["organization", "member"]);
export type InvitationKind = z.infer<typeof InvitationKind>;

export const InvitationView = z.strictObject({
  token: z.string(),
  url: z.string(),
  kind: InvitationKind,
  role: Permission,
  expiresAt: z.string(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** `GET /api/invitations/:token`: what the accept page shows before accepting. */
export const InvitationPreview = z.strictObject({
  kind: InvitationKind,
  role: Permission,
  partnership: z.strictObject({ id: z.string(), name: z.string() }),
  /** Member invitations: the organization the invitee would join. */
  organization: OrganizationView.nullable(),
  expiresAt: z.string(),
  /** Who made the invitation, and for which organization (as the server recorded it). */
  invitedBy: z.strictObject({ name: z.string(), organization: OrganizationView }),
  /** The organizations already in the partnership, in the order they joined. */
  partnerOrganizations: z.array(OrganizationView),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** `GET /api/invitations/:token`. */
export const InvitationPreviewResponse = z.strictObject({ invitation: InvitationPreview });
export type InvitationPreviewResponse = z.infer<typeof InvitationPreviewResponse>;

/** An organization's approval of an organization invitation (the inviter's, by inviting). */
export const InvitationApprovalView = z.strictObject({
  organization: OrganizationView,
  approvedBy: z.strictObject({ id: z.string(), name: z.string() }),
  approvedAt: z.string(),
});
export type InvitationApprovalView = z.infer<typeof InvitationApprovalView>;

/**
 * An organization invitation of a partnership not accepted yet. It can be accepted once
 * every organization in the partnership approved it (`waitingFor` empty).
 */
export const OrganizationInvitationView = z.strictObject({
  /** Stable id of the invitation (not its token). */
  id: z.string(),
  role: Permission,
  createdAt: z.string(),
  expiresAt: z.string(),
  invitedBy: z.strictObject({ id: z.string(), name: z.string(), organizationId: z.string() }),
  approvals: z.array(InvitationApprovalView),
  /** Organizations of the partnership whose approval is still missing. */
  waitingFor: z.array(OrganizationView),
});
export type OrganizationInvitationView = z.infer<typeof OrganizationInvitationView>;

/** `GET /api/partnerships/:id/organization-invitations`: open ones, newest first. */
export const OrganizationInvitationListResponse = z.strictObject({
  invitations: z.array(OrganizationInvitationView),
});
export type OrganizationInvitationListResponse = z.infer<typeof OrganizationInvitationListResponse>;

/** `POST /api/partnerships/:id/organization-invitations/:invitationId/approve`. */
export const OrganizationInvitationResponse = z.strictObject({
  invitation: OrganizationInvitationView,
});
export type OrganizationInvitationResponse = z.infer<typeof OrganizationInvitationResponse>;

/** One organization's endorsement of one version of the charter, stamped by the server. */
export const CharterEndorsementView = z.strictObject({
  organizationId: z.string(),
  userId: z.string(),
  userName: z.string(),
  /**
   * The version endorsed: lowercase hex SHA-256 of the charter's visible content (canonical
   * JSON of its Tiptap document). For machines: people see `versionNumber`.
   */
  version: z.string(),
  /** The version's number in the charter's life (1, 2, 3…), as people name it. */
  versionNumber: z.number(),
  endorsedAt: z.string(),
});
export type CharterEndorsementView = z.infer<typeof CharterEndorsementView>;

/** The latest endorsement of one organization, as the charter status lists it. */
export const CharterStatusEndorsement = CharterEndorsementView.extend({
  organizationName: z.string(),
  /** Whether it endorses the charter as it is now. */
  current: z.boolean(),
});
export type CharterStatusEndorsement = z.infer<typeof CharterStatusEndorsement>;

export const CharterStatus = z.strictObject({
  /** The charter's current version (send it back as the endorsement's `version`). */
  version: z.string(),
  /** The current version's number (1, 2, 3… per charter, in the order the server saw them). */
  versionNumber: z.number(),
  /** The charter has no visible text: it cannot be endorsed. */
  empty: z.boolean(),
  /** Every organization of the partnership (two at least) endorsed the current version. */
  ratified: z.boolean(),
  /** Someone endorsed, and at least one organization's latest endorsement is of an older version. */
  changedSinceEndorsement: z.boolean(),
  /** The latest endorsement of each organization that ever endorsed, in partnership order. */
  endorsements: z.array(CharterStatusEndorsement),
});
export type CharterStatus = z.infer<typeof CharterStatus>;

/** `GET /api/partnerships/:id/charter/status`. */
export const CharterStatusResponse = z.strictObject({ status: CharterStatus });
export type CharterStatusResponse = z.infer<typeof CharterStatusResponse>;

/** `POST /api/partnerships/:id/charter/endorsements`. */
export const EndorseCharterResponse = z.strictObject({
  endorsement: CharterEndorsementView,
  status: CharterStatus,
});
export type EndorseCharterResponse = z.infer<typeof EndorseCharterResponse>;

export const DecisionVoteValue = z.enum(DECISION_VOTES);
export type DecisionVoteValue = z.infer<typeof DecisionVoteValue>;

/** Pending until every organization approved (then approved) or one rejected (then rejected). */
export const DecisionOutcome = z.enum(["pending", "approved", "rejected"]);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** One organization's vote on a decision, stamped by the server. */
export const DecisionVoteView = z.strictObject({
  decisionId: z.string(),
  organizationId: z.string(),
  userId: z.string(),
  userName: z.string(),
  vote: DecisionVoteValue,
  comment: z.string().nullable(),
  votedAt: z.string(),
  /**
   * Cast on the decision's content as it is now (for a decided decision: as decided). False:
   * the content changed since ("stale"); the vote is shown but does not count.
   */
  current: z.boolean(),
});
export type DecisionVoteView = z.infer<typeof DecisionVoteView>;

/** `POST /api/partnerships/:id/decisions/:decisionId/votes`. */
export const CastVoteResponse = z.strictObject({
  vote: DecisionVoteView,
  /** The decision's outcome after this vote. */
  outcome: DecisionOutcome,
  /** The content version the vote was cast on. */
  contentVersion: z.string(),
});
export type CastVoteResponse = z.infer<typeof CastVoteResponse>;

/**
 * What a decision says, as voted on and decided: every field but its status. `null` for a
 * field absent from the entry (or unreadable there).
 */
export const DecisionContentView = z.strictObject({
  title: z.string().nullable(),
  context: z.string().nullable(),
  governanceLevel: z.string().nullable(),
  proposedBy: z.string().nullable(),
  meetingId: z.string().nullable(),
  supersedes: z.string().nullable(),
});
export type DecisionContentView = z.infer<typeof DecisionContentView>;

/** Where one decision stands: its outcome and the latest vote of each organization. */
export const DecisionVotesView = z.strictObject({
  outcome: DecisionOutcome,
  /**
   * The version of the content the votes are counted on: the decision's current content
   * while pending, the decided content once approved or rejected (SHA-256 hex of its
   * canonical JSON). Send it back with a vote.
   */
  contentVersion: z.string(),
  /** The latest vote of each organization (up to the deciding one); only `current` ones count. */
  votes: z.array(DecisionVoteView),
  /** Once approved or rejected: the content decided, which the server keeps in the document. */
  agreed: DecisionContentView.optional(),
});
export type DecisionVotesView = z.infer<typeof DecisionVotesView>;

/** `GET /api/partnerships/:id/decisions/votes`: every decision that has votes, by id. */
export const DecisionVotesResponse = z.strictObject({
  decisions: z.record(z.string(), DecisionVotesView),
});
export type DecisionVotesResponse = z.infer<typeof DecisionVotesResponse>;
