/**
 * Starting a partnership in minutes: templates that pre-fill a new partnership, and the
 * checklist of its first steps, ticked by the server from what was actually done. The
 * answers' schemas (and their types) are in `schemas/responses/onboarding.ts`.
 */
import type { Language } from "./preferences.js";

/** The templates a partnership can start from. */
export const PARTNERSHIP_TEMPLATE_IDS = [
  "strategic-alliance",
  "co-development",
  "distribution",
  "joint-venture",
] as const;
export type PartnershipTemplateId = (typeof PARTNERSHIP_TEMPLATE_IDS)[number];

/** The optional `template` of `POST /api/partnerships`. */
export interface PartnershipTemplateChoice {
  id: PartnershipTemplateId;
  language: Language;
}

/** The first steps of a partnership, in order. */
export const CHECKLIST_KEYS = [
  "charter_written",
  "objectives_agreed",
  "steering_meeting_held",
  "charter_ratified",
] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];
