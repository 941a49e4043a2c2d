import type { HealthCheckOrganizationResult, HealthDimension } from "@entente/protocol";

/** One dimension's averages side by side, and how far apart the two sides see it. */
export interface DimensionComparison {
  key: string;
  label: string;
  /** Average per organization id; absent for an organization whose results are hidden. */
  averages: Record<string, number | undefined>;
  /** Largest minus smallest shown average; null when fewer than two organizations show. */
  gap: number | null;
  /** Lowest shown average, the weakest side's view. */
  lowest: number | null;
}

/** Below this average (on 1–5) a dimension is called weak and offered as an action. */
export const WEAK_AVERAGE = 3;

export function compareDimensions(
  dimensions: readonly HealthDimension[],
  results: readonly HealthCheckOrganizationResult[],
): DimensionComparison[] {
  return dimensions.map(({ key, label }) => {
    const averages: Record<string, number | undefined> = {};
    const shown: number[] = [];
    for (const result of results) {
      const value = result.hidden ? undefined : result.averages?.[key];
      averages[result.organizationId] = value;
      if (value !== undefined) shown.push(value);
    }
    return {
      key,
      label,
      averages,
      gap: shown.length >= 2 ? round2(Math.max(...shown) - Math.min(...shown)) : null,
      lowest: shown.length > 0 ? Math.min(...shown) : null,
    };
  });
}

/** The mean of the shown organizations' averages over every dimension, or null. */
export function overallAverage(results: readonly HealthCheckOrganizationResult[]): number | null {
  const values = results.flatMap((r) => (r.hidden ? [] : Object.values(r.averages ?? {})));
  if (values.length === 0) return null;
  return round2(values.reduce((a, b) => a + b, 0) / values.length);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
