import type { Decision, ReadResult } from "@entente/schema";
import { useMemo } from "react";

/** Which decision supersedes which, worked out from the newer ones' `supersedes`. */
export function useLineage(items: readonly ReadResult<Decision>[]) {
  return useMemo(() => {
    const byId = new Map<string, Decision>();
    const newest = new Map<string, Decision>();
    for (const entry of items) {
      if (!entry.ok) continue;
      byId.set(entry.value.id, entry.value);
      const old = entry.value.supersedes;
      // Oldest first: the last one naming a decision is the newest that replaced it.
      if (old !== null && old !== entry.value.id) newest.set(old, entry.value);
    }
    return {
      supersedes: (decision: Decision) =>
        decision.supersedes === null ? null : (byId.get(decision.supersedes) ?? null),
      supersededBy: (id: string) => newest.get(id) ?? null,
    };
  }, [items]);
}
