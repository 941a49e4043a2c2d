import {
  SEVERITIES,
  type Issue,
  type IssueKind,
  type IssueStatus,
  type Severity,
} from "@entente/schema";
import { isOverdue } from "../../../lib/dates";

/** What the issues log shows: "all" leaves a field unfiltered; "active" is open or in progress. */
export interface IssueFilters {
  kind: IssueKind | "all";
  severity: Severity | "all";
  status: IssueStatus | "all" | "active";
  /** An organization id, or "all". */
  owner: string;
  overdueOnly: boolean;
}

export const ISSUE_SORTS = ["due", "severity", "recent"] as const;
export type IssueSort = (typeof ISSUE_SORTS)[number];

export const DEFAULT_FILTERS: IssueFilters = {
  kind: "all",
  severity: "all",
  status: "all",
  owner: "all",
  overdueOnly: false,
};

/** Resolved and closed entries are done: they are never overdue. */
export function isIssueDone(issue: Pick<Issue, "status">): boolean {
  return issue.status === "resolved" || issue.status === "closed";
}

export function isIssueOverdue(issue: Pick<Issue, "status" | "dueDate">, today: string): boolean {
  return isOverdue(issue.dueDate, isIssueDone(issue), today);
}

export function filterIssues<T extends Issue>(
  issues: readonly T[],
  filters: IssueFilters,
  today: string,
): T[] {
  return issues.filter(
    (issue) =>
      (filters.kind === "all" || issue.kind === filters.kind) &&
      (filters.severity === "all" || issue.severity === filters.severity) &&
      (filters.status === "all" ||
        (filters.status === "active" ? !isIssueDone(issue) : issue.status === filters.status)) &&
      (filters.owner === "all" || issue.ownerOrganizationId === filters.owner) &&
      (!filters.overdueOnly || isIssueOverdue(issue, today)),
  );
}

const severityRank = (s: Severity) => SEVERITIES.length - SEVERITIES.indexOf(s);

function byDue(a: Issue, b: Issue): number {
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}

/**
 * Sorts a copy: by due date (soonest first, none last), by severity (critical first, then
 * due date), or most recent first. Ties keep the log's order.
 */
export function sortIssues<T extends Issue>(issues: readonly T[], sort: IssueSort): T[] {
  const copy = [...issues];
  switch (sort) {
    case "due":
      return copy.sort(byDue);
    case "severity":
      return copy.sort(
        (a, b) => severityRank(a.severity) - severityRank(b.severity) || byDue(a, b),
      );
    case "recent":
      return copy.sort((a, b) =>
        a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
      );
  }
}
