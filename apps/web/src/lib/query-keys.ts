/**
 * The root of every query key about one partnership: `["partnership", id, feature, …]`, so
 * what a partnership's live event or a sign-out invalidates can be named by its prefix.
 */
export function partnershipKey(partnershipId: string) {
  return ["partnership", partnershipId] as const;
}

/**
 * State the server stamps and no live event carries (endorsements, votes, targets) is polled:
 * every `intervalMs` while the tab is visible, and at once when it is shown again.
 */
export function polled(intervalMs: number) {
  return { refetchInterval: intervalMs, staleTime: 0, refetchOnWindowFocus: "always" } as const;
}
