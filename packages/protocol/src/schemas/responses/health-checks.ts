/*
 * JSON answers of two-sided health checks: every member rates the partnership on a few
 * dimensions, 1–5, anonymously; results show per organization once an admin closes the
 * cycle, and only for organizations with enough respondents. No view here carries a user id
 * or name.
 */
import { z } from "zod";

/** One dimension members rate. */
export const HealthDimension = z.strictObject({
  key: z.string(),
  label: z.string(),
});
export type HealthDimension = z.infer<typeof HealthDimension>;

export const HealthCheckStatus = z.enum(["open", "closed"]);
export type HealthCheckStatus = z.infer<typeof HealthCheckStatus>;

export const HealthCheckView = z.strictObject({
  id: z.string(),
  partnershipId: z.string(),
  title: z.string(),
  status: HealthCheckStatus,
  dimensions: z.array(HealthDimension),
  minRespondents: z.number(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type HealthCheckView = z.infer<typeof HealthCheckView>;

/**
 * One organization's results. While the cycle is open, or when fewer than `minRespondents`
 * of its members answered, `hidden` is true and only `respondents` shows.
 */
export const HealthCheckOrganizationResult = z.strictObject({
  organizationId: z.string(),
  respondents: z.number(),
  hidden: z.boolean(),
  averages: z.record(z.string(), z.number()).optional(),
  /** Sorted, never in answer order. */
  comments: z.array(z.string()).optional(),
});
export type HealthCheckOrganizationResult = z.infer<typeof HealthCheckOrganizationResult>;

/** `POST /api/partnerships/:id/health-checks` → 201. */
export const HealthCheckCreatedResponse = z.strictObject({ healthCheck: HealthCheckView });
export type HealthCheckCreatedResponse = z.infer<typeof HealthCheckCreatedResponse>;

/** `GET /api/health-checks/:id` and `POST /api/health-checks/:id/close`. */
export const HealthCheckResponse = z.strictObject({
  healthCheck: HealthCheckView,
  /** Whether the caller answered this cycle. */
  answered: z.boolean(),
  /** One entry per organization of the partnership. */
  results: z.array(HealthCheckOrganizationResult),
});
export type HealthCheckResponse = z.infer<typeof HealthCheckResponse>;

/** `GET /api/partnerships/:id/health-checks`, newest first. */
export const HealthCheckListResponse = z.strictObject({ healthChecks: z.array(HealthCheckView) });
export type HealthCheckListResponse = z.infer<typeof HealthCheckListResponse>;

/** `POST /api/health-checks/:id/responses` → 201: the caller's answer is recorded. */
export const HealthCheckAnsweredResponse = z.strictObject({ answered: z.literal(true) });
export type HealthCheckAnsweredResponse = z.infer<typeof HealthCheckAnsweredResponse>;
