import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addIssue, ISSUES_ROOT, readIssues, removeIssue, updateIssue } from "./issues.js";
import { ana, ben, exchange, okValue, throughBinary, twoPeers } from "./test/peers.js";
import { SchemaWriteError } from "./writing.js";

describe("issues document", () => {
  it("round-trips an entry through Yjs binary, with defaults", () => {
    const doc = new Y.Doc();
    const id = addIssue(
      doc,
      {
        kind: "risk",
        title: "Depot lease may not be renewed",
        description: "The landlord has not answered.",
        ownerOrganizationId: "southpeak",
        severity: "high",
        dueDate: "2026-06-30",
        linkedObjectiveId: "obj1",
      },
      { ...ana, at: new Date("2026-02-01T08:00:00Z") },
    );
    expect(readIssues(throughBinary(doc))).toEqual([
      {
        ok: true,
        value: {
          id,
          kind: "risk",
          title: "Depot lease may not be renewed",
          description: "The landlord has not answered.",
          raisedBy: "ana",
          ownerOrganizationId: "southpeak",
          assigneeUserId: null,
          severity: "high",
          status: "open",
          dueDate: "2026-06-30",
          linkedObjectiveId: "obj1",
          escalationLevel: "operational",
          meetingId: null,
          createdBy: "ana",
          organizationId: "northwind",
          createdAt: "2026-02-01T08:00:00.000Z",
        },
      },
    ]);
  });

  it("escalates, reassigns, unlinks and removes", () => {
    const doc = new Y.Doc();
    const id = addIssue(
      doc,
      {
        kind: "question",
        title: "Who pays for insurance?",
        raisedBy: "carla",
        ownerOrganizationId: "northwind",
        severity: "low",
        linkedObjectiveId: "obj1",
      },
      ana,
    );
    updateIssue(doc, id, {
      escalationLevel: "strategic",
      assigneeUserId: "ben",
      linkedObjectiveId: null,
      status: "in_progress",
    });
    expect(okValue(readIssues(doc)[0])).toMatchObject({
      raisedBy: "carla",
      escalationLevel: "strategic",
      assigneeUserId: "ben",
      linkedObjectiveId: null,
      status: "in_progress",
    });
    expect(removeIssue(doc, id)).toBe(true);
    expect(readIssues(doc)).toEqual([]);
    expect(updateIssue(doc, id, { status: "closed" })).toBe(false);
  });

  it("merges concurrent edits of different fields", () => {
    const [a, b] = twoPeers((doc) => {
      addIssue(
        doc,
        { kind: "issue", title: "Late data", ownerOrganizationId: "southpeak", severity: "medium" },
        ana,
      );
    });
    const id = okValue(readIssues(a)[0]).id;
    updateIssue(a, id, { severity: "critical" });
    updateIssue(b, id, { assigneeUserId: "ben", description: "Feed is two days late." });
    exchange(a, b);
    for (const doc of [a, b]) {
      expect(okValue(readIssues(doc)[0])).toMatchObject({
        severity: "critical",
        assigneeUserId: "ben",
        description: "Feed is two days late.",
      });
    }
  });

  it("shows malformed entries as such", () => {
    const doc = new Y.Doc();
    addIssue(
      doc,
      { kind: "risk", title: "Fine", ownerOrganizationId: "northwind", severity: "low" },
      ben,
    );
    const root = doc.getMap<unknown>(ISSUES_ROOT);
    const wrong = new Y.Map<unknown>();
    root.set("wrong", wrong);
    for (const [key, value] of Object.entries({
      kind: "rumour",
      title: "x",
      description: 3,
      raisedBy: "",
      ownerOrganizationId: "n",
      severity: "extreme",
      status: "open",
      dueDate: "tomorrow",
      escalationLevel: "operational",
      createdBy: "ben",
      organizationId: "southpeak",
      createdAt: "yesterday",
    })) {
      wrong.set(key, value);
    }
    root.set("list", new Y.Array());
    const results = readIssues(throughBinary(doc));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const bad = results.find((r) => !r.ok && r.id === "wrong");
    expect(bad && !bad.ok && bad.problem.split("; ")).toEqual([
      'kind: expected one of risk, issue, dependency, question, got "rumour"',
      "description: expected a text, got 3",
      'raisedBy: expected an id, got ""',
      'severity: expected one of low, medium, high, critical, got "extreme"',
      'dueDate: expected a date (YYYY-MM-DD), got "tomorrow"',
      'createdAt: expected a date and time, got "yesterday"',
    ]);
    expect(results.find((r) => !r.ok && r.id === "list")).toMatchObject({
      problem: "expected an item (a map), got an array",
      raw: [],
    });
  });

  it("refuses an unknown kind", () => {
    const doc = new Y.Doc();
    expect(() =>
      addIssue(
        doc,
        { kind: "gossip" as never, title: "x", ownerOrganizationId: "n", severity: "low" },
        ana,
      ),
    ).toThrow(SchemaWriteError);
    expect(readIssues(doc)).toEqual([]);
  });

  it("links an entry to the meeting it came out of, and reads older entries without it", () => {
    const doc = new Y.Doc();
    const input = {
      kind: "issue",
      title: "Customs delays",
      ownerOrganizationId: "northwind",
      severity: "medium",
    } as const;
    const plain = addIssue(doc, input, ana);
    const linked = addIssue(doc, { ...input, meetingId: "meeting1" }, ana);
    const read = readIssues(throughBinary(doc)).map(okValue);
    expect(read.find((i) => i.id === linked)?.meetingId).toBe("meeting1");
    expect(read.find((i) => i.id === plain)?.meetingId).toBeNull();
    expect((doc.getMap(ISSUES_ROOT).get(plain) as Y.Map<unknown>).has("meetingId")).toBe(false);
    expect(() => addIssue(doc, { ...input, meetingId: "" }, ana)).toThrow(SchemaWriteError);
    // A meeting id of the wrong type makes the entry malformed, not the read throw.
    (doc.getMap(ISSUES_ROOT).get(plain) as Y.Map<unknown>).set("meetingId", 42);
    expect(readIssues(doc).find((r) => !r.ok)).toMatchObject({ ok: false, id: plain });
  });
});
