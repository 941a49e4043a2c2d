/*
 * JSON answers about starting a partnership: the templates that pre-fill a new partnership,
 * the one it started from, and the checklist of its first steps, ticked by the server from
 * what was actually done.
 */
import { z } from "zod";
import { CHECKLIST_KEYS, PARTNERSHIP_TEMPLATE_IDS } from "../../onboarding.js";
import { GovernanceLevel, Language } from "../vocabulary.js";
import { HealthDimension } from "./health-checks.js";

const PartnershipTemplateId = z.enum(PARTNERSHIP_TEMPLATE_IDS);

/** A governance level's meeting interval a template sets (`governance_rhythms`). */
export const TemplateRhythm = z.strictObject({
  level: GovernanceLevel,
  intervalDays: z.number(),
});
export type TemplateRhythm = z.infer<typeof TemplateRhythm>;

/** One charter section: a heading and the prompt that guides what to write under it. */
export const TemplateCharterSection = z.strictObject({
  heading: z.string(),
  prompt: z.string(),
});
export type TemplateCharterSection = z.infer<typeof TemplateCharterSection>;

/** One objective of the skeleton. */
export const TemplateObjective = z.strictObject({
  title: z.string(),
  description: z.string(),
  governanceLevel: GovernanceLevel,
});
export type TemplateObjective = z.infer<typeof TemplateObjective>;

/** What a template writes, in one language. */
export const PartnershipTemplateContent = z.strictObject({
  name: z.string(),
  /** One paragraph: what kind of partnership it suits. */
  summary: z.string(),
  charterSections: z.array(TemplateCharterSection),
  objectives: z.array(TemplateObjective),
  /** The dimensions offered when a health check of the partnership is opened. */
  healthDimensions: z.array(HealthDimension),
});
export type PartnershipTemplateContent = z.infer<typeof PartnershipTemplateContent>;

/** A template as `GET /api/partnership-templates` lists it: every language it is written in. */
export const PartnershipTemplateView = z.strictObject({
  id: PartnershipTemplateId,
  rhythm: z.array(TemplateRhythm),
  content: z.record(Language, PartnershipTemplateContent),
});
export type PartnershipTemplateView = z.infer<typeof PartnershipTemplateView>;

/** `GET /api/partnership-templates`. */
export const PartnershipTemplateListResponse = z.strictObject({
  templates: z.array(PartnershipTemplateView),
});
export type PartnershipTemplateListResponse = z.infer<typeof PartnershipTemplateListResponse>;

/** `GET /api/partnerships/:id/template`: what the partnership started from, if anything. */
export const PartnershipTemplateUsedResponse = z.strictObject({
  template: z
    .strictObject({
      id: PartnershipTemplateId,
      language: Language,
      /** The defaults offered when a health check is opened. */
      healthDimensions: z.array(HealthDimension),
    })
    .nullable(),
});
export type PartnershipTemplateUsedResponse = z.infer<typeof PartnershipTemplateUsedResponse>;

export const ChecklistItemView = z.strictObject({
  key: z.enum(CHECKLIST_KEYS),
  done: z.boolean(),
  /** When the server can tell: the moment the step became done. */
  doneAt: z.string().optional(),
});
export type ChecklistItemView = z.infer<typeof ChecklistItemView>;

/** `GET /api/partnerships/:id/checklist`. */
export const ChecklistResponse = z.strictObject({ items: z.array(ChecklistItemView) });
export type ChecklistResponse = z.infer<typeof ChecklistResponse>;
