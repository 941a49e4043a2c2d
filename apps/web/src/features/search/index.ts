/**
 * What the other features use of search (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { SearchLauncher } from "./components/search-launcher";
