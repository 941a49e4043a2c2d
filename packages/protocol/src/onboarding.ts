/**
 * Starting a partnership in minutes: templates that pre-fill a new partnership, and the
 * checklist of its first steps, ticked by the server from what was actually done. The
 * answers' schemas (and their types) are in `schemas/responses/onboarding.ts`, the choice of
 * a template in `schemas/partnerships.ts`.
 */

/** The templates a partnership can start from. */
export const PARTNERSHIP_TEMPLATE_IDS = [
  "strategic-alliance",
  "co-development",
  "distribution",
  "joint-venture",
] as const;
export type PartnershipTemplateId = (typeof PARTNERSHIP_TEMPLATE_IDS)[number];

/** The first steps of a partnership, in order. */
export const CHECKLIST_KEYS = [
  "charter_written",
  "objectives_agreed",
  "steering_meeting_held",
  "charter_ratified",
] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];
