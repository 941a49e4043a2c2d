/*
 * JSON answers of a partnership's digest for one organization
 * (`GET /api/partnerships/:id/digest`, and the daily or weekly e-mail).
 */
import { z } from "zod";
import { LANGUAGES } from "../../vocabulary.js";

export const DigestPeriodKind = z.enum(["day", "week"]);
export type DigestPeriodKind = z.infer<typeof DigestPeriodKind>;

const NamedRef = z.strictObject({ id: z.string(), name: z.string() });

/** A success or difficulty posted in the period. */
export const DigestPost = z.strictObject({
  id: z.string(),
  title: z.string(),
  authorName: z.string(),
  organizationName: z.string(),
  createdAt: z.string(),
});
export type DigestPost = z.infer<typeof DigestPost>;

export const DigestDecision = z.strictObject({
  id: z.string(),
  title: z.string(),
  governanceLevel: z.string(),
  proposedAt: z.string(),
});
export type DigestDecision = z.infer<typeof DigestDecision>;

export const DigestAction = z.strictObject({
  id: z.string(),
  title: z.string(),
  objectiveTitle: z.string(),
  ownerOrganizationName: z.string(),
  assigneeName: z.string().nullable(),
  /** `YYYY-MM-DD`, before the period's end. */
  dueDate: z.string(),
  status: z.string(),
});
export type DigestAction = z.infer<typeof DigestAction>;

/** A KPI measured in the period: its value before (or baseline) and its latest value. */
export const DigestKpiMove = z.strictObject({
  id: z.string(),
  name: z.string(),
  objectiveTitle: z.string(),
  unit: z.string(),
  from: z.number().nullable(),
  to: z.number(),
  target: z.number(),
  direction: z.string(),
  measuredOn: z.string(),
});
export type DigestKpiMove = z.infer<typeof DigestKpiMove>;

/** A health check cycle open for answers. */
export const DigestHealthCheck = z.strictObject({
  id: z.string(),
  title: z.string(),
  openedAt: z.string(),
});
export type DigestHealthCheck = z.infer<typeof DigestHealthCheck>;

const digestContentFields = {
  partnership: NamedRef,
  organization: NamedRef,
  period: z.strictObject({ kind: DigestPeriodKind, from: z.string(), to: z.string() }),
  wins: z.array(DigestPost),
  difficulties: z.array(DigestPost),
  /** Proposed decisions still pending that this organization has not voted on. */
  decisionsWaiting: z.array(DigestDecision),
  /** Actions (of every organization) past their due date and neither done nor cancelled. */
  overdueActions: z.array(DigestAction),
  kpiMoves: z.array(DigestKpiMove),
  /** Health check cycles open now, inviting an answer (absent or empty: none). */
  openHealthChecks: z.array(DigestHealthCheck).optional(),
};

export const DigestContent = z.strictObject(digestContentFields);
export type DigestContent = z.infer<typeof DigestContent>;

export const DigestView = z.strictObject({
  ...digestContentFields,
  language: z.enum(LANGUAGES),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});
export type DigestView = z.infer<typeof DigestView>;

/** `GET /api/partnerships/:id/digest?period=day|week`. */
export const DigestResponse = z.strictObject({ digest: DigestView });
export type DigestResponse = z.infer<typeof DigestResponse>;
