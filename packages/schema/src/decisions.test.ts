import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addDecision,
  DECISIONS_ROOT,
  readDecisionContent,
  readDecisions,
  removeDecision,
  restoreDecisionContent,
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
          supersedes: null,
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

  describe("content", () => {
    it("is every field but the status, and ignores writes beside it", () => {
      const doc = new Y.Doc();
      const old = addDecision(doc, { title: "Depot", governanceLevel: "tactical" }, ana);
      const id = addDecision(
        doc,
        { title: "Depot v2", context: "Why.", governanceLevel: "strategic", supersedes: old },
        ana,
      );
      const before = readDecisionContent(doc, id);
      expect(before).toEqual({
        title: "Depot v2",
        context: "Why.",
        governanceLevel: "strategic",
        proposedBy: "ana",
        meetingId: null,
        supersedes: old,
      });
      updateDecision(doc, id, { status: "approved" });
      (doc.getMap(DECISIONS_ROOT).get(id) as Y.Map<unknown>).set("colour", "red");
      expect(readDecisionContent(doc, id)).toEqual(before);
      expect(readDecisionContent(doc, "nope")).toBeNull();
    });

    it("restores changed fields in place and leaves the status alone", () => {
      const doc = new Y.Doc();
      const id = addDecision(
        doc,
        { title: "Depot", context: "Costs shared.", governanceLevel: "tactical" },
        ana,
      );
      const agreed = readDecisionContent(doc, id)!;
      updateDecision(doc, id, {
        title: "Depot, paid by Northwind",
        context: "Costs: Northwind.",
        status: "approved",
      });
      (doc.getMap(DECISIONS_ROOT).get(id) as Y.Map<unknown>).set("meetingId", "m1");
      expect(restoreDecisionContent(doc, id, agreed, {})).toBe(true);
      expect(readDecisionContent(doc, id)).toEqual(agreed);
      expect(okValue(readDecisions(doc)[0]).status).toBe("approved");
      expect(restoreDecisionContent(doc, id, agreed, {})).toBe(false);
    });

    it("re-creates a deleted entry from the content and its other fields", () => {
      const doc = new Y.Doc();
      const id = addDecision(doc, { title: "Depot", governanceLevel: "tactical" }, ben);
      const agreed = readDecisionContent(doc, id)!;
      const raw = (doc.getMap(DECISIONS_ROOT).get(id) as Y.Map<unknown>).toJSON() as Record<
        string,
        unknown
      >;
      removeDecision(doc, id);
      expect(restoreDecisionContent(doc, id, agreed, { ...raw, status: "approved" })).toBe(true);
      expect(okValue(readDecisions(doc)[0])).toMatchObject({
        id,
        title: "Depot",
        status: "approved",
        createdBy: "ben",
        organizationId: "southpeak",
      });
    });
  });
});
