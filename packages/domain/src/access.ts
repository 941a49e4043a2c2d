import type { DocumentRef } from "./document-names.js";
import { canWrite, type PartnershipSeat } from "./membership.js";

export type DocumentAccess = "write" | "read" | "none";

/**
 * PRODUCT.md's access table. Shared documents: everyone in the partnership reads,
 * editors and admins write. An organization's profile: partners read, its own
 * editors/admins write. Private notes: the own organization only.
 */
export function documentAccess(ref: DocumentRef, seat: PartnershipSeat): DocumentAccess {
  const writer = canWrite(seat.permission);
  switch (ref.kind) {
    case "profile":
      return ref.organizationId === seat.organizationId && writer ? "write" : "read";
    case "private":
      if (ref.organizationId !== seat.organizationId) return "none";
      return writer ? "write" : "read";
    default:
      return writer ? "write" : "read";
  }
}
