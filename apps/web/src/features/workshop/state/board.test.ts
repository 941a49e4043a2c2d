import type { StickyNoteView, WorkshopView, WorkshopVoteView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import {
  boardLayout,
  dotsLeft,
  hiddenTotal,
  rankedResults,
  shareUnchanged,
  withDot,
} from "./board";

function note(
  id: string,
  columnId: string,
  groupId: string | null,
  createdAt: string,
): StickyNoteView {
  return {
    id,
    author: { id: "u1", name: "Ben Carter", organizationId: "o1" },
    organizationId: "o1",
    text: `note ${id}`,
    columnId,
    groupId,
    revealed: true,
    createdAt,
    updatedAt: createdAt,
    conversion: null,
  };
}

const columns = [
  { id: "c1", title: "Went well" },
  { id: "c2", title: "To improve" },
];

describe("boardLayout", () => {
  it("puts ungrouped notes in their column, oldest first, and grouped ones in their cluster", () => {
    const layout = boardLayout({
      columns,
      groups: [{ id: "g1", title: "Depots", conversion: null }],
      notes: [
        note("n2", "c1", null, "2026-05-01T10:02:00Z"),
        note("n1", "c1", null, "2026-05-01T10:01:00Z"),
        note("n3", "c2", "g1", "2026-05-01T10:03:00Z"),
        note("n4", "c1", "g1", "2026-05-01T10:00:00Z"),
      ],
    });
    expect(layout.columns.map((c) => c.notes.map((n) => n.id))).toEqual([["n1", "n2"], []]);
    expect(layout.clusters.map((c) => c.notes.map((n) => n.id))).toEqual([["n4", "n3"]]);
  });

  it("never loses a note whose column or cluster is gone", () => {
    const layout = boardLayout({
      columns,
      groups: [],
      notes: [
        note("n1", "gone", null, "2026-05-01T10:00:00Z"),
        note("n2", "c2", "gone", "2026-05-01T10:01:00Z"),
      ],
    });
    expect(layout.columns.map((c) => c.notes.map((n) => n.id))).toEqual([["n1"], ["n2"]]);
  });
});

describe("dots", () => {
  const open: WorkshopVoteView = {
    status: "open",
    votesPerPerson: 3,
    myVotes: { n1: 2 },
    voterCount: 1,
  };

  it("counts the dots left", () => {
    expect(dotsLeft(open)).toBe(1);
    expect(dotsLeft({ status: "none" })).toBe(0);
  });

  it("adds a dot while some are left, never more than the allowance", () => {
    const next = withDot(open, "n2", 1);
    expect(next).toEqual({ n1: 2, n2: 1 });
    expect(withDot({ ...open, myVotes: next ?? {} }, "n1", 1)).toBeNull();
  });

  it("removes a dot, dropping targets that reach zero", () => {
    expect(withDot(open, "n1", -1)).toEqual({ n1: 1 });
    expect(withDot({ ...open, myVotes: { n1: 1 } }, "n1", -1)).toEqual({});
    expect(withDot(open, "n9", -1)).toBeNull();
  });

  it("changes nothing once the vote is not open", () => {
    expect(withDot({ status: "none" }, "n1", 1)).toBeNull();
  });
});

describe("rankedResults", () => {
  it("ranks most votes first, ties sharing a rank, and finds what each result points at", () => {
    const workshop: Pick<WorkshopView, "vote" | "notes" | "groups"> = {
      notes: [note("n1", "c1", null, "2026-05-01T10:00:00Z")],
      groups: [{ id: "g1", title: "Depots", conversion: null }],
      vote: {
        status: "closed",
        votesPerPerson: 3,
        myVotes: {},
        voterCount: 2,
        results: [
          { target: { kind: "note", id: "n1" }, votes: 2 },
          { target: { kind: "group", id: "g1" }, votes: 4 },
          { target: { kind: "note", id: "n9" }, votes: 2 },
        ],
      },
    };
    const ranked = rankedResults(workshop);
    expect(ranked.map((r) => [r.result.target.id, r.rank])).toEqual([
      ["g1", 1],
      ["n1", 2],
      ["n9", 2],
    ]);
    expect(ranked[0]?.group?.title).toBe("Depots");
    expect(ranked[1]?.note?.id).toBe("n1");
    expect(ranked[2]?.note).toBeNull();
  });

  it("is empty unless the vote is closed", () => {
    expect(rankedResults({ notes: [], groups: [], vote: { status: "none" } })).toEqual([]);
  });
});

describe("hiddenTotal", () => {
  it("adds up the hidden notes of every organization", () => {
    expect(
      hiddenTotal({
        hidden: [
          { organizationId: "o1", count: 2 },
          { organizationId: "o2", count: 3 },
        ],
      }),
    ).toBe(5);
  });
});

describe("shareUnchanged", () => {
  const base: WorkshopView = {
    meetingId: "m1",
    partnershipId: "p1",
    facilitatorId: "u1",
    phase: "revealed",
    timer: { status: "idle" },
    serverNow: "2026-05-01T10:00:00Z",
    columns,
    notes: [
      note("n1", "c1", null, "2026-05-01T10:00:00Z"),
      note("n2", "c1", null, "2026-05-01T10:01:00Z"),
    ],
    groups: [],
    hidden: [],
    vote: { status: "none" },
  };
  const copy = (view: WorkshopView): WorkshopView =>
    JSON.parse(JSON.stringify(view)) as WorkshopView;

  it("keeps the objects of what did not change, and takes what did", () => {
    const next = copy(base);
    next.notes[1] = { ...next.notes[1]!, text: "changed" };
    const shared = shareUnchanged(base, next);
    expect(shared.notes[0]).toBe(base.notes[0]);
    expect(shared.notes[1]).not.toBe(base.notes[1]);
    expect(shared.notes[1]?.text).toBe("changed");
    expect(shared.columns).toBe(base.columns);
  });

  it("keeps the whole list when nothing in it changed, and follows a new order", () => {
    expect(shareUnchanged(base, copy(base)).notes).toBe(base.notes);
    const reordered = copy(base);
    reordered.notes.reverse();
    const shared = shareUnchanged(base, reordered);
    expect(shared.notes).not.toBe(base.notes);
    expect(shared.notes.map((n) => n.id)).toEqual(["n2", "n1"]);
    expect(shared.notes[0]).toBe(base.notes[1]);
  });

  it("drops what is gone and starts afresh for another meeting", () => {
    const fewer = copy(base);
    fewer.notes.pop();
    expect(shareUnchanged(base, fewer).notes.map((n) => n.id)).toEqual(["n1"]);
    const other = { ...copy(base), meetingId: "m2" };
    expect(shareUnchanged(base, other).notes[0]).not.toBe(base.notes[0]);
  });
});
