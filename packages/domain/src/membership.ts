/** What a member may do in a partnership. A `viewer` never writes anything. */
export const PERMISSIONS = ["admin", "editor", "viewer"] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Where a member sits in the partnership's governance. */
export const GOVERNANCE_LEVELS = ["strategic", "tactical", "operational"] as const;
export type GovernanceLevel = (typeof GOVERNANCE_LEVELS)[number];

/** A user's seat in one partnership: the organization they speak for and their rights. */
export interface PartnershipSeat {
  organizationId: string;
  permission: Permission;
}

export function canWrite(permission: Permission): boolean {
  return permission === "admin" || permission === "editor";
}
