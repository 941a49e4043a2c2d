export { documentAccess, type DocumentAccess } from "./access.js";
export {
  formatDocumentName,
  parseDocumentName,
  partnershipDocuments,
  type DocumentKind,
  type DocumentRef,
} from "./document-names.js";
export {
  canWrite,
  GOVERNANCE_LEVELS,
  PERMISSIONS,
  type GovernanceLevel,
  type PartnershipSeat,
  type Permission,
} from "./membership.js";
export { comparableName, hasUnsafeNameCharacter } from "./names.js";
