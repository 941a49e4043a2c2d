/**
 * What the other features use of objectives (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { useObjectives } from "./hooks/use-objectives";
