/**
 * What the other features use of partnerships (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { InvitePanel } from "./components/invite-panel";
export { OrganizationChip } from "./components/organization-chip";
export { PartnershipInvite } from "./components/partnership-invite";
export { ReadOnlyBadge } from "./components/read-only-badge";
export { DocumentNotices, SectionHeader } from "./components/section-header";
export { useCreateIntent } from "./hooks/use-create-intent";
export { useLens } from "./hooks/use-lens";
export {
  useAuthor,
  usePartnershipDocuments,
  type PartnershipDocument,
} from "./hooks/use-partnership-documents";
export { usePartnershipEvents } from "./hooks/use-partnership-events";
export { CREATE_PARAM } from "./state/create-intent";
export { inLens, type Lens } from "./state/lens";
export type { ColoredOrganization } from "./state/organization-colors";
export {
  canAct,
  documentAccessIn,
  useOptionalPartnershipContext,
  usePartnershipContext,
  usePartnershipDirectory,
} from "./state/partnership-context";
export { SECTIONS, sectionPath, type Section } from "./state/sections";
