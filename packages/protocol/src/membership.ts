/**
 * Who is in a partnership changing, as announced live on its event stream
 * (`GET /api/partnerships/:id/events`). Types only.
 */

/**
 * What changed: an organization joined (its invitation accepted), a member joined (a member
 * invitation used) or left (removed, or they left), an invitation was made, an organization
 * invitation gained an organization's approval, or an invitation was revoked.
 */
export type MembershipChange =
  | "organization_joined"
  | "member_joined"
  | "member_left"
  | "invitation_created"
  | "invitation_approved"
  | "invitation_revoked";

/**
 * Announced once the change is stored. No content beyond what changed: clients read the
 * partnership (organizations, members) and the invitations again, with their own access.
 */
export interface MembershipChangedEvent {
  type: "membership.changed";
  change: MembershipChange;
  /** The organization that joined, the member's, or the one that made, approved or revoked the invitation. */
  organizationId: string;
  /** The member who joined or left; null for organization and invitation changes. */
  userId: string | null;
}
