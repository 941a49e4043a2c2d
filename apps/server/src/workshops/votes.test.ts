import { describe, expect, it } from "vitest";
import { checkBallot, dotsOf, tallyVotes, voterCount, type VoteTarget } from "./votes.js";

const note = (id: string, createdAt: number): VoteTarget => ({ kind: "note", id, createdAt });
const group = (id: string, createdAt: number): VoteTarget => ({ kind: "group", id, createdAt });

describe("dot votes", () => {
  const targets = [note("n1", 1), note("n2", 2), group("g1", 3), note("n3", 4)];

  it("ranks totals, most first, ties by creation order, and leaves out targets without dots", () => {
    const dots = [
      { userId: "ana", targetId: "n3", count: 2 },
      { userId: "ben", targetId: "n3", count: 1 },
      { userId: "ana", targetId: "g1", count: 1 },
      { userId: "carl", targetId: "n2", count: 3 },
      { userId: "ben", targetId: "n1", count: 0 },
      // A target deleted since does not count.
      { userId: "carl", targetId: "gone", count: 5 },
    ];
    expect(tallyVotes(dots, targets)).toEqual([
      // n2 and n3 tie at 3: n2 was created first.
      { target: { kind: "note", id: "n2" }, votes: 3 },
      { target: { kind: "note", id: "n3" }, votes: 3 },
      { target: { kind: "group", id: "g1" }, votes: 1 },
    ]);
    // Totals only: no voter appears anywhere in the results.
    expect(JSON.stringify(tallyVotes(dots, targets))).not.toMatch(/ana|ben|carl/);
  });

  it("counts voters who cast at least one dot, and shows each voter only their own dots", () => {
    const dots = [
      { userId: "ana", targetId: "n1", count: 2 },
      { userId: "ana", targetId: "n2", count: 1 },
      { userId: "ben", targetId: "n1", count: 0 },
      { userId: "carl", targetId: "g1", count: 1 },
    ];
    expect(voterCount(dots)).toBe(2);
    expect(dotsOf(dots, "ana")).toEqual({ n1: 2, n2: 1 });
    expect(dotsOf(dots, "ben")).toEqual({});
  });

  it("accepts a ballot within the budget on votable targets, dropping zeros", () => {
    const votable = new Map(targets.map((t) => [t.id, t]));
    expect(checkBallot({ n1: 2, g1: 1, n2: 0 }, 3, votable)).toEqual({
      ok: true,
      dots: [
        { target: note("n1", 1), count: 2 },
        { target: group("g1", 3), count: 1 },
      ],
    });
    expect(checkBallot({}, 3, votable)).toEqual({ ok: true, dots: [] });
  });

  it("refuses a ballot over the budget or on a target one may not vote for", () => {
    const votable = new Map(targets.map((t) => [t.id, t]));
    expect(checkBallot({ n1: 2, n2: 2 }, 3, votable)).toMatchObject({ ok: false });
    expect(checkBallot({ hidden: 1 }, 3, votable)).toMatchObject({
      ok: false,
      problem: "votes.hidden: not a visible note or group",
    });
  });
});
