/**
 * What the other features use of glossary (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { GlossaryTerm } from "./components/glossary-term";
