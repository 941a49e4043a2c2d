import type { DecisionOutcome, DecisionVoteValue } from "@entente/protocol";

/**
 * The two-key rules, on rows the server stamped (never on what the CRDT claims). A
 * partnership of one organization (its partner has not joined yet) can neither ratify nor
 * approve: a key turned by one side alone is not two keys.
 */

/** Fewest organizations that make a partnership able to decide. */
const MIN_ORGANIZATIONS = 2;

/** The last row of each organization, in the order the rows come. */
export function latestByOrganization<T extends { organizationId: string }>(
  rows: readonly T[],
): Map<string, T> {
  const latest = new Map<string, T>();
  for (const row of rows) {
    latest.delete(row.organizationId);
    latest.set(row.organizationId, row);
  }
  return latest;
}

export interface CharterStanding {
  ratified: boolean;
  changedSinceEndorsement: boolean;
}

/**
 * Ratified: every organization endorsed the current version. Changed since endorsement:
 * someone endorsed, and some organization's latest endorsement is of another version.
 */
export function charterStanding(
  currentVersion: string,
  latestVersions: ReadonlyMap<string, string>,
  organizationIds: readonly string[],
): CharterStanding {
  const versions = organizationIds.flatMap((id) => {
    const version = latestVersions.get(id);
    return version === undefined ? [] : [version];
  });
  return {
    ratified:
      organizationIds.length >= MIN_ORGANIZATIONS &&
      organizationIds.every((id) => latestVersions.get(id) === currentVersion),
    changedSinceEndorsement: versions.some((version) => version !== currentVersion),
  };
}

/** Outcome of the latest vote of each organization: one rejection rejects, all approvals approve. */
export function tally(
  latestVotes: ReadonlyMap<string, DecisionVoteValue>,
  organizationIds: readonly string[],
): DecisionOutcome {
  const votes = organizationIds.map((id) => latestVotes.get(id));
  if (votes.includes("reject")) return "rejected";
  if (organizationIds.length >= MIN_ORGANIZATIONS && votes.every((vote) => vote === "approve")) {
    return "approved";
  }
  return "pending";
}

export interface RecordedVote {
  organizationId: string;
  vote: DecisionVoteValue;
  /** The outcome the server recorded right after this vote. */
  outcome: DecisionOutcome;
  /** The decision content it was cast on; null for votes recorded before votes bound to it. */
  contentVersion: string | null;
}

export interface DecisionState<T extends RecordedVote> {
  outcome: DecisionOutcome;
  /** The content that counts: the one decided on once decided, else the decision's current one. */
  contentVersion: string;
  /** The latest vote of each organization, up to the vote that decided. */
  latest: T[];
  /** Of those, the votes cast on {@link DecisionState.contentVersion}: only they count. */
  current: T[];
}

/**
 * Where a decision stands, from its votes in the order they were cast and the version of
 * its content now. A vote binds to the content it was cast on: once the content changes,
 * it is stale and no longer counts, until its organization votes again. The vote that
 * decided is final: nothing after it counts (the server records nothing after it), an
 * organization joining later does not reopen it, and the content it was cast on is the one
 * decided (`currentVersion` is then ignored, except for votes recorded before votes bound to
 * content, where it stands for the decided content).
 */
export function decisionState<T extends RecordedVote>(
  history: readonly T[],
  organizationIds: readonly string[],
  currentVersion: string,
): DecisionState<T> {
  const decidedAt = history.findIndex((row) => row.outcome !== "pending");
  const decided = decidedAt === -1 ? undefined : history[decidedAt];
  const counting = decidedAt === -1 ? history : history.slice(0, decidedAt + 1);
  const latest = [...latestByOrganization(counting).values()];
  if (decided) {
    const contentVersion = decided.contentVersion ?? currentVersion;
    const current = latest.filter(
      (row) => row.contentVersion === null || row.contentVersion === contentVersion,
    );
    return { outcome: decided.outcome, contentVersion, latest, current };
  }
  const current = latest.filter((row) => row.contentVersion === currentVersion);
  const outcome = tally(
    new Map(current.map((row) => [row.organizationId, row.vote])),
    organizationIds,
  );
  return { outcome, contentVersion: currentVersion, latest, current };
}
