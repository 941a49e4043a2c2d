import type { VoteResultView } from "@entente/protocol";

/** What dots may go to: a note or a group, in the order they were created. */
export interface VoteTarget {
  kind: "note" | "group";
  id: string;
  createdAt: number;
}

/** One voter's dots on one target, as stored. */
export interface CastDots {
  userId: string;
  targetId: string;
  count: number;
}

/**
 * Ranks the targets that received dots, most first; ties go to the target created first
 * (then by id, so every reader ranks the same way). Dots on a target that is no longer
 * among `targets` do not count. Only totals come out: never who cast them.
 */
export function tallyVotes(
  dots: readonly CastDots[],
  targets: readonly VoteTarget[],
): VoteResultView[] {
  const totals = new Map<string, number>();
  for (const { targetId, count } of dots) {
    if (count > 0) totals.set(targetId, (totals.get(targetId) ?? 0) + count);
  }
  return targets
    .filter((target) => (totals.get(target.id) ?? 0) > 0)
    .sort(
      (a, b) =>
        (totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0) ||
        a.createdAt - b.createdAt ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((target) => ({
      target: { kind: target.kind, id: target.id },
      votes: totals.get(target.id) ?? 0,
    }));
}

/** How many members cast at least one dot. */
export function voterCount(dots: readonly CastDots[]): number {
  return new Set(dots.filter((d) => d.count > 0).map((d) => d.userId)).size;
}

/** One voter's dots as the caller sees them: by target id. */
export function dotsOf(dots: readonly CastDots[], userId: string): Record<string, number> {
  const mine: Record<string, number> = {};
  for (const dot of dots)
    if (dot.userId === userId && dot.count > 0) mine[dot.targetId] = dot.count;
  return mine;
}

/** A ballot checked against the budget and the targets one may vote for. */
export type BallotCheck =
  { ok: true; dots: { target: VoteTarget; count: number }[] } | { ok: false; problem: string };

/**
 * Checks a voter's new dots (`{[noteOrGroupId]: count}`, replacing their old ones): every
 * target must be among `votable` (revealed notes and groups), and the dots add up to at
 * most `votesPerPerson`. Zero counts are dropped.
 */
export function checkBallot(
  ballot: Readonly<Record<string, number>>,
  votesPerPerson: number,
  votable: ReadonlyMap<string, VoteTarget>,
): BallotCheck {
  const dots: { target: VoteTarget; count: number }[] = [];
  let total = 0;
  for (const [id, count] of Object.entries(ballot)) {
    if (count === 0) continue;
    const target = votable.get(id);
    if (!target) return { ok: false, problem: `votes.${id}: not a visible note or group` };
    dots.push({ target, count });
    total += count;
  }
  if (total > votesPerPerson) {
    return { ok: false, problem: `votes: ${total} dots, at most ${votesPerPerson} per person` };
  }
  return { ok: true, dots };
}
