/**
 * Two-sided health check: every member rates the partnership on a few dimensions, 1–5,
 * anonymously; results show per organization once an admin closes the cycle, and only for
 * organizations with enough respondents. The answers' schemas (and their types) are in
 * `schemas/responses/health-checks.ts`.
 */
import type { HealthDimension } from "./schemas/responses/health-checks.js";

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
