/**
 * What the other features use of shell (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { AppHeader } from "./components/app-header";
