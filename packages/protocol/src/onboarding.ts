/**
 * Starting a partnership in minutes: templates that pre-fill a new partnership, and the
 * checklist of its first steps, ticked by the server from what was actually done.
 */
import type { GovernanceLevel } from "@entente/domain";
import type { HealthDimension } from "./health-checks.js";
import type { Language } from "./preferences.js";

/** The templates a partnership can start from. */
export const PARTNERSHIP_TEMPLATE_IDS = [
  "strategic-alliance",
  "co-development",
  "distribution",
  "joint-venture",
] as const;
export type PartnershipTemplateId = (typeof PARTNERSHIP_TEMPLATE_IDS)[number];

/** A governance level's meeting interval a template sets (`governance_rhythms`). */
export interface TemplateRhythm {
  level: GovernanceLevel;
  intervalDays: number;
}

/** One charter section: a heading and the prompt that guides what to write under it. */
export interface TemplateCharterSection {
  heading: string;
  prompt: string;
}

/** One objective of the skeleton. */
export interface TemplateObjective {
  title: string;
  description: string;
  governanceLevel: GovernanceLevel;
}

/** What a template writes, in one language. */
export interface PartnershipTemplateContent {
  name: string;
  /** One paragraph: what kind of partnership it suits. */
  summary: string;
  charterSections: TemplateCharterSection[];
  objectives: TemplateObjective[];
  /** The dimensions offered when a health check of the partnership is opened. */
  healthDimensions: HealthDimension[];
}

/** A template as `GET /api/partnership-templates` lists it: every language it is written in. */
export interface PartnershipTemplateView {
  id: PartnershipTemplateId;
  rhythm: TemplateRhythm[];
  content: Record<Language, PartnershipTemplateContent>;
}

/** `GET /api/partnership-templates`. */
export interface PartnershipTemplateListResponse {
  templates: PartnershipTemplateView[];
}

/** The optional `template` of `POST /api/partnerships`. */
export interface PartnershipTemplateChoice {
  id: PartnershipTemplateId;
  language: Language;
}

/** `GET /api/partnerships/:id/template`: what the partnership started from, if anything. */
export interface PartnershipTemplateUsedResponse {
  template: {
    id: PartnershipTemplateId;
    language: Language;
    /** The defaults offered when a health check is opened. */
    healthDimensions: HealthDimension[];
  } | null;
}

/** The first steps of a partnership, in order. */
export const CHECKLIST_KEYS = [
  "charter_written",
  "objectives_agreed",
  "steering_meeting_held",
  "charter_ratified",
] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

export interface ChecklistItemView {
  key: ChecklistKey;
  done: boolean;
  /** When the server can tell: the moment the step became done. */
  doneAt?: string;
}

/** `GET /api/partnerships/:id/checklist`. */
export interface ChecklistResponse {
  items: ChecklistItemView[];
}
