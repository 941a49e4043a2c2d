/**
 * What the other features use of onboarding (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { FirstRunSteps } from "./components/first-run-steps";
export { PartnershipChecklist } from "./components/partnership-checklist";
export { TemplatePicker } from "./components/template-picker";
export { useTemplateDimensions } from "./hooks/use-template-dimensions";
export { checklistDismissed, dismissChecklist } from "./state/checklist-dismissal";
