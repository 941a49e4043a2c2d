import { GOVERNANCE_LEVELS, type GovernanceLevel } from "@entente/domain";
import type * as Y from "yjs";
import { SEVERITIES, type IsoDate, type Severity, type Stamped } from "./fields.js";
import { FieldReader, readRootCollection, type ReadResult } from "./read-result.js";
import {
  checkAuthor,
  checkOneOf,
  checkOptionalDate,
  checkOptionalRef,
  checkRef,
  checkText,
  checkTitle,
  deleteEntry,
  insertItem,
  itemIn,
  newText,
  pick,
  setFields,
  setTextField,
  write,
  type Author,
} from "./writing.js";

/** The root map of `<pid>/issues`: issue id → entry of the open-issues log. */
export const ISSUES_ROOT = "issues";

/** What kind of entry of the open-issues log. */
export const ISSUE_KINDS = ["risk", "issue", "dependency", "question"] as const;
/** One of {@link ISSUE_KINDS}. */
export type IssueKind = (typeof ISSUE_KINDS)[number];

/** Where an entry of the open-issues log stands. */
export const ISSUE_STATUSES = ["open", "in_progress", "resolved", "closed"] as const;
/** One of {@link ISSUE_STATUSES}. */
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** An entry of the open-issues log: a risk, an issue, a dependency or a question. */
export interface Issue extends Stamped {
  id: string;
  kind: IssueKind;
  title: string;
  description: string;
  /** The user who raised it (may differ from `createdBy` when recorded for someone). */
  raisedBy: string;
  ownerOrganizationId: string;
  assigneeUserId: string | null;
  severity: Severity;
  status: IssueStatus;
  dueDate: IsoDate | null;
  /** An objective of the partnership's objectives document; may point to a deleted one. */
  linkedObjectiveId: string | null;
  /** The governance level it is escalated to; new entries start at `operational`. */
  escalationLevel: GovernanceLevel;
  /** The meeting (workshop) it came out of; `null` when none (or written before the field existed). */
  meetingId: string | null;
}

/** What a new entry needs. */
export interface IssueInput {
  kind: IssueKind;
  title: string;
  description?: string;
  /** Defaults to the author. */
  raisedBy?: string;
  ownerOrganizationId: string;
  assigneeUserId?: string | null;
  severity: Severity;
  /** Defaults to `open`. */
  status?: IssueStatus;
  dueDate?: IsoDate | null;
  linkedObjectiveId?: string | null;
  /** Defaults to `operational`. */
  escalationLevel?: GovernanceLevel;
  /** The meeting it came out of, if any. */
  meetingId?: string | null;
}

/** Fields to change on an entry; `undefined` leaves a field alone, `null` clears it. */
export type IssuePatch = Partial<IssueInput>;

function readIssue(item: Y.Map<unknown>, id: string): ReadResult<Issue> {
  const f = new FieldReader(item);
  const value: Issue = {
    id,
    kind: f.oneOf("kind", ISSUE_KINDS),
    title: f.string("title"),
    description: f.text("description"),
    raisedBy: f.ref("raisedBy"),
    ownerOrganizationId: f.ref("ownerOrganizationId"),
    assigneeUserId: f.optionalRef("assigneeUserId"),
    severity: f.oneOf("severity", SEVERITIES),
    status: f.oneOf("status", ISSUE_STATUSES),
    dueDate: f.optionalDate("dueDate"),
    linkedObjectiveId: f.optionalRef("linkedObjectiveId"),
    escalationLevel: f.oneOf("escalationLevel", GOVERNANCE_LEVELS),
    meetingId: f.optionalRef("meetingId"),
    ...f.stamp(),
  };
  return f.result(id, value, item);
}

/** Every entry of an issues document, oldest first. Never throws. */
export function readIssues(doc: Y.Doc): ReadResult<Issue>[] {
  return readRootCollection(doc, ISSUES_ROOT, readIssue);
}

function issueFields(input: IssuePatch, whole: boolean) {
  return {
    kind: pick(input.kind, whole, (v) => checkOneOf("kind", ISSUE_KINDS, v)),
    title: pick(input.title, whole, (v) => checkTitle("title", v)),
    description: pick(input.description ?? (whole ? "" : undefined), whole, (v) =>
      checkText("description", v),
    ),
    raisedBy: pick(input.raisedBy, false, (v) => checkRef("raisedBy", v)),
    ownerOrganizationId: pick(input.ownerOrganizationId, whole, (v) =>
      checkRef("ownerOrganizationId", v),
    ),
    assigneeUserId: pick(input.assigneeUserId, whole, (v) => checkOptionalRef("assigneeUserId", v)),
    severity: pick(input.severity, whole, (v) => checkOneOf("severity", SEVERITIES, v)),
    status: pick(input.status ?? (whole ? "open" : undefined), whole, (v) =>
      checkOneOf("status", ISSUE_STATUSES, v),
    ),
    dueDate: pick(input.dueDate, whole, (v) => checkOptionalDate("dueDate", v)),
    linkedObjectiveId: pick(input.linkedObjectiveId, whole, (v) =>
      checkOptionalRef("linkedObjectiveId", v),
    ),
    escalationLevel: pick(
      input.escalationLevel ?? (whole ? "operational" : undefined),
      whole,
      (v) => checkOneOf("escalationLevel", GOVERNANCE_LEVELS, v),
    ),
    meetingId: pick(input.meetingId, false, (v) => checkOptionalRef("meetingId", v)),
  };
}

function issues(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ISSUES_ROOT);
}

/** Adds an entry to the open-issues log; returns its id. */
export function addIssue(doc: Y.Doc, input: IssueInput, by: Author): string {
  const { description, raisedBy, ...fields } = issueFields(input, true);
  const at = checkAuthor(by);
  return write(doc, () =>
    insertItem(
      issues(doc),
      { ...fields, description: newText(description ?? ""), raisedBy: raisedBy ?? by.userId },
      by,
      at,
    ),
  );
}

/**
 * Changes some fields of an entry (escalating is `{ escalationLevel }`). Returns `false` if
 * the entry is gone.
 */
export function updateIssue(doc: Y.Doc, id: string, patch: IssuePatch): boolean {
  const { description, ...fields } = issueFields(patch, false);
  return write(doc, () => {
    const item = itemIn(issues(doc), id);
    if (!item) return false;
    setFields(item, fields);
    if (description !== undefined) setTextField(item, "description", description);
    return true;
  });
}

/** Deletes an entry (or whatever broken entry has that id). Returns `false` if none was there. */
export function removeIssue(doc: Y.Doc, id: string): boolean {
  return write(doc, () => deleteEntry(issues(doc), id));
}
