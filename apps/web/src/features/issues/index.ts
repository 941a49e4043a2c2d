/**
 * What the other features use of issues (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { useIssues } from "./hooks/use-issues";
