import type { Issue } from "@entente/schema";
import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filterIssues, isIssueOverdue, sortIssues } from "./issue-filters";

function issue(id: string, fields: Partial<Issue>): Issue {
  return {
    id,
    kind: "issue",
    title: id,
    description: "",
    raisedBy: "u",
    ownerOrganizationId: "north",
    assigneeUserId: null,
    severity: "medium",
    status: "open",
    dueDate: null,
    linkedObjectiveId: null,
    escalationLevel: "operational",
    meetingId: null,
    createdBy: "u",
    organizationId: "north",
    createdAt: "2026-01-01T00:00:00.000Z",
    ...fields,
  };
}

const today = "2026-03-10";
const log = [
  issue("a", { severity: "low", dueDate: "2026-03-01" }),
  issue("b", { severity: "critical", dueDate: "2026-04-01", ownerOrganizationId: "south" }),
  issue("c", { kind: "risk", status: "resolved", dueDate: "2026-02-01" }),
  issue("d", { severity: "critical", createdAt: "2026-02-01T00:00:00.000Z" }),
];

describe("issue filters", () => {
  it("is overdue past the due date unless resolved or closed", () => {
    expect(isIssueOverdue(log[0]!, today)).toBe(true);
    expect(isIssueOverdue(log[1]!, today)).toBe(false);
    expect(isIssueOverdue(log[2]!, today)).toBe(false);
  });

  it("filters by kind, severity, status, owner and overdue", () => {
    const ids = (filters: Partial<typeof DEFAULT_FILTERS>) =>
      filterIssues(log, { ...DEFAULT_FILTERS, ...filters }, today).map((i) => i.id);
    expect(ids({})).toEqual(["a", "b", "c", "d"]);
    expect(ids({ kind: "risk" })).toEqual(["c"]);
    expect(ids({ severity: "critical" })).toEqual(["b", "d"]);
    expect(ids({ status: "active" })).toEqual(["a", "b", "d"]);
    expect(ids({ status: "resolved" })).toEqual(["c"]);
    expect(ids({ owner: "south" })).toEqual(["b"]);
    expect(ids({ overdueOnly: true })).toEqual(["a"]);
  });

  it("sorts by due date, severity, or most recent", () => {
    expect(sortIssues(log, "due").map((i) => i.id)).toEqual(["c", "a", "b", "d"]);
    expect(sortIssues(log, "severity").map((i) => i.id)).toEqual(["b", "d", "c", "a"]);
    expect(sortIssues(log, "recent").map((i) => i.id)).toEqual(["d", "a", "b", "c"]);
  });
});
