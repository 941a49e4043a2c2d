/**
 * What the other features use of preferences (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { useLandingPage } from "./hooks/use-landing-page";
export { kindLabels } from "./state/preferences-draft";
