import type { SignOffView } from "@entente/protocol";
import { latestByOrganization } from "../governance/two-key.js";

/** A stored sign-off, as the view needs it. */
export interface SignOffRecord {
  organizationId: string;
  organizationName: string;
  userId: string;
  userName: string;
  /** The notes' version when signed (`xmlFragmentVersion`). */
  version: string;
  createdAt: number;
}

/**
 * The latest sign-off of each organization, from an item's sign-offs in the order they were
 * made; the partnership's organizations first in their order, any others (an organization
 * that left) after. Each is "changed since" when the notes' current version differs from
 * the one it signed.
 */
export function signOffViews(
  history: readonly SignOffRecord[],
  currentVersion: string,
  organizationIds: readonly string[],
): SignOffView[] {
  const rank = (organizationId: string) => {
    const index = organizationIds.indexOf(organizationId);
    return index === -1 ? organizationIds.length : index;
  };
  return [...latestByOrganization(history).values()]
    .sort((a, b) => rank(a.organizationId) - rank(b.organizationId))
    .map((row) => ({
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      signedBy: { id: row.userId, name: row.userName },
      signedAt: new Date(row.createdAt).toISOString(),
      changedSince: row.version !== currentVersion,
    }));
}
