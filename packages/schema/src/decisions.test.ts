import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addDecision,
  DECISIONS_ROOT,
  readDecisions,
  removeDecision,
  updateDecision,
} from "./decisions.js";
import { ana, ben, exchange, okValue, throughBinary, twoPeers } from "./test/peers.js";

describe("decisions document", () => {
  it("round-trips a decision through Yjs binary", () => {
    const doc = new Y.Doc();
    const id = addDecision(
      doc,
      {
        title: "Share the Lyon depot",
        context: "Two half-empty depots cost more than one full one.",
        governanceLevel: "strategic",
      },
      { ...ben, at: new Date("2026-03-01T12:00:00Z") },
    );
    expect(readDecisions(throughBinary(doc))).toEqual([
      {
        ok: true,
        value: {
          id,
          title: "Share the Lyon depot",
          context: "Two half-empty depots cost more than one full one.",
          governanceLevel: "strategic",
          proposedBy: "ben",
          status: "proposed",
          meetingId: null,
          createdBy: "ben",
          organizationId: "southpeak",
          createdAt: "2026-03-01T12:00:00.000Z",
        },
      },
    ]);
    expect(updateDecision(doc, id, { status: "withdrawn" })).toBe(true);
    expect(okValue(readDecisions(doc)[0]).status).toBe("withdrawn");
    expect(removeDecision(doc, id)).toBe(true);
    expect(readDecisions(doc)).toEqual([]);
  });

  it("merges concurrent edits of the title and the context", () => {
    const [a, b] = twoPeers((doc) => {
      addDecision(doc, { title: "Depot", context: "Why.", governanceLevel: "tactical" }, ana);
    });
    const id = okValue(readDecisions(a)[0]).id;
    updateDecision(a, id, { title: "Shared depot" });
    updateDecision(b, id, { context: "Why: cost.", governanceLevel: "strategic" });
    exchange(a, b);
    for (const doc of [a, b]) {
      expect(okValue(readDecisions(doc)[0])).toMatchObject({
        title: "Shared depot",
        context: "Why: cost.",
        governanceLevel: "strategic",
      });
    }
  });

  it("shows an unknown status as malformed", () => {
    const doc = new Y.Doc();
    const id = addDecision(doc, { title: "D", governanceLevel: "operational" }, ana);
    (doc.getMap<unknown>(DECISIONS_ROOT).get(id) as Y.Map<unknown>).set("status", "vetoed");
    expect(readDecisions(doc)[0]).toMatchObject({
      ok: false,
      id,
      problem:
        'status: expected one of draft, proposed, approved, rejected, withdrawn, got "vetoed"',
    });
  });

  it("links a decision to the meeting it came out of, and reads older decisions without it", () => {
    const doc = new Y.Doc();
    const plain = addDecision(doc, { title: "Depot", governanceLevel: "tactical" }, ana);
    const linked = addDecision(
      doc,
      { title: "Shared depot", governanceLevel: "strategic", meetingId: "meeting1" },
      ben,
    );
    const read = readDecisions(throughBinary(doc)).map(okValue);
    expect(read.find((d) => d.id === linked)?.meetingId).toBe("meeting1");
    expect(read.find((d) => d.id === plain)?.meetingId).toBeNull();
    expect((doc.getMap(DECISIONS_ROOT).get(plain) as Y.Map<unknown>).has("meetingId")).toBe(false);
  });
});
