import {
  FIELD_LIMITS,
  addObjective,
  readDecisions,
  readIssues,
  readObjectives,
  readValues,
} from "@entente/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  conversionDocument,
  descriptionFrom,
  titleFrom,
  writeConvertedItem,
} from "./conversion.js";

const by = { userId: "ana", organizationId: "north" };

describe("turning a note or a group into an item", () => {
  it("makes a title of the text: one line, trimmed, cut to the schema's limit", () => {
    expect(titleFrom("  Share the\n Lyon   depot ")).toBe("Share the Lyon depot");
    const long = titleFrom("x".repeat(FIELD_LIMITS.title + 50));
    expect(long).toHaveLength(FIELD_LIMITS.title);
    expect(long.endsWith("…")).toBe(true);
    // Never half an emoji.
    const emoji = titleFrom(`${"a".repeat(FIELD_LIMITS.title - 2)}😀😀`);
    expect(emoji.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(emoji).toBe(`${"a".repeat(FIELD_LIMITS.title - 2)}…`);
  });

  it("keeps in the description what the title does not say", () => {
    expect(descriptionFrom({ text: "Short", details: [] }, "Short")).toBe("");
    expect(descriptionFrom({ text: "Short", details: [] }, "Other title")).toBe("Short");
    expect(descriptionFrom({ text: "Depots", details: ["Lyon", "Turin\nnorth"] }, "Depots")).toBe(
      "- Lyon\n- Turin north",
    );
  });

  it("names the document of each kind", () => {
    expect(conversionDocument("p1", "action")).toBe("p1/objectives");
    expect(conversionDocument("p1", "issue")).toBe("p1/issues");
    expect(conversionDocument("p1", "decision")).toBe("p1/decisions");
  });

  it("writes each kind with the schema writers, linked to the meeting and stamped", () => {
    const doc = new Y.Doc();
    const objectiveId = addObjective(
      doc,
      { title: "Cold chain", ownerOrganizationIds: ["north"], governanceLevel: "tactical" },
      by,
    );
    const source = { text: "Pilot the Lyon route", details: [] };
    const actionId = writeConvertedItem(
      doc,
      { kind: "action", objectiveId, ownerOrganizationId: "south", dueDate: "2026-12-01" },
      source,
      "m1",
      by,
    );
    const action = readValues(readValues(readObjectives(doc))[0]!.actions)[0];
    expect(action).toMatchObject({
      id: actionId,
      title: "Pilot the Lyon route",
      ownerOrganizationId: "south",
      dueDate: "2026-12-01",
      meetingId: "m1",
      createdBy: "ana",
      organizationId: "north",
    });

    const issues = new Y.Doc();
    writeConvertedItem(
      issues,
      { kind: "issue", ownerOrganizationId: "north", title: "Customs" },
      source,
      "m1",
      by,
    );
    expect(readValues(readIssues(issues))[0]).toMatchObject({
      kind: "issue",
      title: "Customs",
      description: "Pilot the Lyon route",
      severity: "medium",
      meetingId: "m1",
    });

    const decisions = new Y.Doc();
    writeConvertedItem(decisions, { kind: "decision", level: "strategic" }, source, "m1", by);
    expect(readValues(readDecisions(decisions))[0]).toMatchObject({
      title: "Pilot the Lyon route",
      governanceLevel: "strategic",
      status: "proposed",
      proposedBy: "ana",
      meetingId: "m1",
    });
  });

  it("refuses an action under an objective that is not there, before writing anything", () => {
    const doc = new Y.Doc();
    expect(() =>
      writeConvertedItem(
        doc,
        { kind: "action", objectiveId: "nope", ownerOrganizationId: "north" },
        { text: "x", details: [] },
        "m1",
        by,
      ),
    ).toThrow(expect.objectContaining({ code: "not_found" }));
  });
});
