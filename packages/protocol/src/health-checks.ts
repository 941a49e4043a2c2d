/**
 * Two-sided health check: every member rates the partnership on a few dimensions, 1–5,
 * anonymously; results show per organization once an admin closes the cycle, and only for
 * organizations with enough respondents. No view here carries a user id or name.
 */

/** One dimension members rate. */
export interface HealthDimension {
  key: string;
  label: string;
}

/** The domain's dimensions, offered when an admin opens a cycle. */
export const DEFAULT_HEALTH_DIMENSIONS: readonly HealthDimension[] = [
  { key: "trust", label: "Trust" },
  { key: "transparency", label: "Transparency about constraints" },
  { key: "shared-objectives", label: "Shared objectives" },
  { key: "governance", label: "Governance and decision speed" },
  { key: "communication", label: "Communication" },
  { key: "value-delivered", label: "Value delivered to each side" },
  { key: "joint-execution", label: "Joint execution" },
  { key: "mutual-respect", label: "Mutual respect" },
];

/** Fewest answers an organization needs for its results to show, unless the admin set another. */
export const DEFAULT_MIN_RESPONDENTS = 3;
export const MIN_RESPONDENTS_RANGE = { min: 2, max: 10 } as const;
/** Lowest and highest rating. */
export const HEALTH_RATING_RANGE = { min: 1, max: 5 } as const;

export type HealthCheckStatus = "open" | "closed";

export interface HealthCheckView {
  id: string;
  partnershipId: string;
  title: string;
  status: HealthCheckStatus;
  dimensions: HealthDimension[];
  minRespondents: number;
  openedAt: string;
  closedAt: string | null;
}

/**
 * One organization's results. While the cycle is open, or when fewer than `minRespondents`
 * of its members answered, `hidden` is true and only `respondents` shows.
 */
export interface HealthCheckOrganizationResult {
  organizationId: string;
  respondents: number;
  hidden: boolean;
  averages?: Record<string, number>;
  /** Sorted, never in answer order. */
  comments?: string[];
}

/** `POST /api/partnerships/:id/health-checks` → 201. */
export interface HealthCheckCreatedResponse {
  healthCheck: HealthCheckView;
}

/** `GET /api/health-checks/:id`. */
export interface HealthCheckResponse {
  healthCheck: HealthCheckView;
  /** Whether the caller answered this cycle. */
  answered: boolean;
  /** One entry per organization of the partnership. */
  results: HealthCheckOrganizationResult[];
}

/** `GET /api/partnerships/:id/health-checks`, newest first. */
export interface HealthCheckListResponse {
  healthChecks: HealthCheckView[];
}
