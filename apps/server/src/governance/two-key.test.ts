import { describe, expect, it } from "vitest";
import {
  charterStanding,
  decisionState,
  latestByOrganization,
  tally,
  type RecordedVote,
} from "./two-key.js";

const N = "northwind";
const S = "southpeak";
const E = "eastgate";

describe("charterStanding", () => {
  const standing = (latest: [string, string][], organizations = [N, S]) =>
    charterStanding("v2", new Map(latest), organizations);

  it.each([
    ["nobody endorsed", [], { ratified: false, changedSinceEndorsement: false }],
    [
      "one side endorsed the current version",
      [[N, "v2"]],
      { ratified: false, changedSinceEndorsement: false },
    ],
    [
      "both endorsed the current version",
      [
        [N, "v2"],
        [S, "v2"],
      ],
      { ratified: true, changedSinceEndorsement: false },
    ],
    [
      "both endorsed, one an older version",
      [
        [N, "v2"],
        [S, "v1"],
      ],
      { ratified: false, changedSinceEndorsement: true },
    ],
    [
      "one endorsed an older version",
      [[S, "v1"]],
      { ratified: false, changedSinceEndorsement: true },
    ],
  ] as [string, [string, string][], object][])("%s", (_, latest, expected) => {
    expect(standing(latest)).toEqual(expected);
  });

  it("needs every organization of the partnership, and two at least", () => {
    expect(
      standing(
        [
          [N, "v2"],
          [S, "v2"],
        ],
        [N, S, E],
      ).ratified,
    ).toBe(false);
    expect(standing([[N, "v2"]], [N]).ratified).toBe(false);
  });
});

describe("tally", () => {
  const outcome = (votes: [string, "approve" | "reject"][], organizations = [N, S]) =>
    tally(new Map(votes), organizations);

  it("approves when every organization approved, rejects on one rejection, waits otherwise", () => {
    expect(outcome([])).toBe("pending");
    expect(outcome([[N, "approve"]])).toBe("pending");
    expect(
      outcome([
        [N, "approve"],
        [S, "approve"],
      ]),
    ).toBe("approved");
    expect(
      outcome([
        [N, "approve"],
        [S, "reject"],
      ]),
    ).toBe("rejected");
    expect(outcome([[S, "reject"]])).toBe("rejected");
  });

  it("ignores votes of organizations outside the partnership, and never approves alone", () => {
    expect(
      outcome([
        [N, "approve"],
        [E, "approve"],
      ]),
    ).toBe("pending");
    expect(
      outcome([
        [N, "approve"],
        [E, "reject"],
      ]),
    ).toBe("pending");
    expect(outcome([[N, "approve"]], [N])).toBe("pending");
  });
});

describe("decisionState", () => {
  const vote = (
    organizationId: string,
    v: "approve" | "reject",
    outcome = "pending",
    contentVersion: string | null = "c1",
  ) => ({ organizationId, vote: v, outcome, contentVersion }) as RecordedVote;

  it("counts each organization's latest vote while pending", () => {
    const state = decisionState([vote(N, "reject"), vote(N, "approve")], [N, S], "c1");
    // The rejection was recorded as pending, so it was replaced before it decided anything.
    expect(state.outcome).toBe("pending");
    expect(state.current).toEqual([vote(N, "approve")]);
  });

  it("does not count a vote cast on other content (stale), but lists it", () => {
    const history = [vote(N, "approve", "pending", "c1"), vote(S, "approve", "pending", "c2")];
    const state = decisionState(history, [N, S], "c2");
    expect(state.outcome).toBe("pending");
    expect(state.contentVersion).toBe("c2");
    expect(state.latest).toEqual(history);
    expect(state.current).toEqual([history[1]]);
    // A stale rejection does not reject either; a legacy vote (no content) counts for nothing.
    expect(decisionState([vote(N, "reject", "pending", "c1")], [N, S], "c2").outcome).toBe(
      "pending",
    );
    expect(decisionState([vote(N, "approve", "pending", null)], [N, S], "c1").current).toEqual([]);
  });

  it("is final at the vote that decided, on the content it was cast on", () => {
    const history = [
      vote(N, "approve"),
      vote(S, "approve", "approved"),
      vote(S, "reject", "rejected"),
    ];
    const state = decisionState(history, [N, S, E], "c9");
    expect(state.outcome).toBe("approved");
    expect(state.contentVersion).toBe("c1");
    expect(state.current).toEqual([vote(N, "approve"), vote(S, "approve", "approved")]);
  });

  it("lists organizations in the order of their latest vote", () => {
    const rows = [vote(N, "approve"), vote(S, "approve"), vote(N, "approve")];
    expect([...latestByOrganization(rows).keys()]).toEqual([S, N]);
  });
});
