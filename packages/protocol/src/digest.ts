/**
 * The digest of a partnership for one organization (`GET /api/partnerships/:id/digest`,
 * and the daily or weekly e-mail). Types only.
 */
import type { Language } from "./preferences.js";

export type DigestPeriodKind = "day" | "week";

/** A success or difficulty posted in the period. */
export interface DigestPost {
  id: string;
  title: string;
  authorName: string;
  organizationName: string;
  createdAt: string;
}

export interface DigestDecision {
  id: string;
  title: string;
  governanceLevel: string;
  proposedAt: string;
}

export interface DigestAction {
  id: string;
  title: string;
  objectiveTitle: string;
  ownerOrganizationName: string;
  assigneeName: string | null;
  /** `YYYY-MM-DD`, before the period's end. */
  dueDate: string;
  status: string;
}

/** A KPI measured in the period: its value before (or baseline) and its latest value. */
export interface DigestKpiMove {
  id: string;
  name: string;
  objectiveTitle: string;
  unit: string;
  from: number | null;
  to: number;
  target: number;
  direction: string;
  measuredOn: string;
}

export interface DigestContent {
  partnership: { id: string; name: string };
  organization: { id: string; name: string };
  period: { kind: DigestPeriodKind; from: string; to: string };
  wins: DigestPost[];
  difficulties: DigestPost[];
  /** Proposed decisions still pending that this organization has not voted on. */
  decisionsWaiting: DigestDecision[];
  /** Actions (of every organization) past their due date and neither done nor cancelled. */
  overdueActions: DigestAction[];
  kpiMoves: DigestKpiMove[];
  /** Health check cycles open now, inviting an answer (absent or empty: none). */
  openHealthChecks?: DigestHealthCheck[];
}

/** A health check cycle open for answers. */
export interface DigestHealthCheck {
  id: string;
  title: string;
  openedAt: string;
}

export interface DigestView extends DigestContent {
  language: Language;
  subject: string;
  text: string;
  html: string;
}

/** `GET /api/partnerships/:id/digest?period=day|week`. */
export interface DigestResponse {
  digest: DigestView;
}
