import type { HealthCheckStatus } from "@entente/protocol";
import type { Millis } from "./millis.js";

/**
 * Health check cycles (health-checks/): the cycles, anonymous answers, who answered.
 */

/** A health check cycle; `dimensions` is JSON `[{key,label}]`. */
export interface HealthChecksTable {
  id: string;
  partnership_id: string;
  title: string;
  status: HealthCheckStatus;
  dimensions: string;
  min_respondents: number;
  /** Keys respondent tokens while the cycle is open; null once closed. */
  respondent_secret: string | null;
  opened_at: Millis;
  closed_at: Millis | null;
}

/** One anonymous answer: no user id, no time. `ratings` is JSON `{[key]: 1..5}`. */
export interface HealthCheckAnswersTable {
  id: string;
  health_check_id: string;
  organization_id: string;
  /** HMAC(cycle secret, user id) while open, so answering again replaces; null once closed. */
  respondent_token: string | null;
  ratings: string;
  comment: string | null;
}

/** Who answered a closed cycle, never linked to an answer. */
export interface HealthCheckRespondentsTable {
  health_check_id: string;
  user_id: string;
}
