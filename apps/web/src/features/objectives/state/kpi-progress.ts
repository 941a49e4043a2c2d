import type { KpiDirection } from "@entente/schema";

/** Where a KPI stands between where it started and its target. */
export type KpiState =
  "no_data" | "achieved" | "progressing" | "regressing" | "on_target" | "off_target";

export interface KpiProgress {
  /** The latest measurement's value, or `null` without measurements. */
  latest: number | null;
  /** Where progress is counted from: the baseline, else (see below) a stand-in. */
  start: number | null;
  /** How far from `start` to the target the latest value is, clamped to 0–1 for a bar. */
  ratio: number;
  state: KpiState;
}

/** How close a "maintain" KPI must stay to its target, as a share of the target. */
export const MAINTAIN_TOLERANCE = 0.05;

/**
 * A KPI's progress from its baseline through its latest measurement to its target,
 * honouring its direction: for `increase` the value must grow to the target, for
 * `decrease` shrink to it, for `maintain` stay within {@link MAINTAIN_TOLERANCE} of it.
 * Without a baseline, an increase counts from 0 and a decrease from the first measurement.
 * `values` are the well-formed measurements' values, oldest first.
 */
export function kpiProgress(input: {
  baseline: number | null;
  target: number;
  direction: KpiDirection;
  values: readonly number[];
}): KpiProgress {
  const { baseline, target, direction, values } = input;
  const latest = values.at(-1) ?? null;
  const start = baseline ?? (direction === "increase" ? 0 : (values[0] ?? null));
  if (latest === null) return { latest, start, ratio: 0, state: "no_data" };

  if (direction === "maintain") {
    const distance = Math.abs(latest - target);
    const scale = Math.abs(target) > 0 ? Math.abs(target) : 1;
    const onTarget = distance <= MAINTAIN_TOLERANCE * scale;
    return {
      latest,
      start,
      ratio: onTarget ? 1 : clamp(1 - distance / scale),
      state: onTarget ? "on_target" : "off_target",
    };
  }

  const sign = direction === "increase" ? 1 : -1;
  const from = start ?? latest;
  const span = (target - from) * sign;
  const gained = (latest - from) * sign;
  // A target already met at the start: only the side of the target matters.
  const raw = span <= 0 ? ((latest - target) * sign >= 0 ? 1 : -1) : gained / span;
  return {
    latest,
    start,
    ratio: clamp(raw),
    state: raw >= 1 ? "achieved" : raw < 0 ? "regressing" : "progressing",
  };
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
