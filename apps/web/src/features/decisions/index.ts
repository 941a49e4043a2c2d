/**
 * What the other features use of decisions (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { useDecisionVotes } from "./hooks/use-decision-votes";
export { useDecisions } from "./hooks/use-decisions";
