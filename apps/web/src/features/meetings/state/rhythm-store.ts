import type { RhythmLevelView } from "@entente/protocol";

/**
 * The latest governance rhythm read for each partnership, shared by whoever read it (the
 * meetings tab, the meeting page) with whoever shows it (the overdue badge on the tab), so
 * the badge follows the user's own changes at once instead of at its next poll.
 */
const latest = new Map<string, readonly RhythmLevelView[]>();
const listeners = new Set<() => void>();
const refreshers = new Map<string, Set<() => void>>();

export const rhythmStore = {
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  get: (partnershipId: string): readonly RhythmLevelView[] | null => {
    return latest.get(partnershipId) ?? null;
  },

  publish: (partnershipId: string, rhythm: readonly RhythmLevelView[]): void => {
    latest.set(partnershipId, rhythm);
    for (const listener of listeners) listener();
  },

  /** Lets whoever polls the rhythm of a partnership be asked to read it again now. */
  onRefreshRequest: (partnershipId: string, refresh: () => void): (() => void) => {
    const set = refreshers.get(partnershipId) ?? new Set();
    set.add(refresh);
    refreshers.set(partnershipId, set);
    return () => set.delete(refresh);
  },

  /** A meeting changed somewhere: the rhythm may have too. */
  requestRefresh: (partnershipId: string): void => {
    for (const refresh of refreshers.get(partnershipId) ?? []) refresh();
  },
};
