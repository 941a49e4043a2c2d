/**
 * What the other features use of organizations (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { ConstraintNote } from "./components/constraint-note";
export { SeverityBadge, SeverityField } from "./components/severity-badge";
export { useProfiles } from "./hooks/use-profiles";
