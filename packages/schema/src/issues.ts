import { GOVERNANCE_LEVELS } from "@entente/domain";
import {
  defineCollection,
  oneOf,
  optionalDate,
  optionalRef,
  ref,
  richText,
  title,
  type FieldsOf,
  type EntryOf,
  type InputOf,
} from "./collection.js";
import { SEVERITIES } from "./fields.js";

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

/** The open-issues log's entries: a risk, an issue, a dependency or a question each. */
export const ISSUES = defineCollection(ISSUES_ROOT, {
  kind: oneOf(ISSUE_KINDS),
  title: title(),
  description: richText(),
  /** The user who raised it (may differ from `createdBy` when recorded for someone); defaults to the author. */
  raisedBy: ref("author"),
  ownerOrganizationId: ref("checked"),
  assigneeUserId: optionalRef("checked"),
  severity: oneOf(SEVERITIES),
  /** Defaults to `open`. */
  status: oneOf(ISSUE_STATUSES, "open"),
  dueDate: optionalDate(),
  /** An objective of the partnership's objectives document; may point to a deleted one. */
  linkedObjectiveId: optionalRef("checked"),
  /** The governance level it is escalated to; new entries start at `operational`. */
  escalationLevel: oneOf(GOVERNANCE_LEVELS, "operational"),
  /** The meeting (workshop) it came out of; `null` when none (or written before the field existed). */
  meetingId: optionalRef("absent"),
});

/** An entry of the open-issues log: a risk, an issue, a dependency or a question. */
export type Issue = EntryOf<FieldsOf<typeof ISSUES>>;

/** What a new entry needs. */
export type IssueInput = InputOf<FieldsOf<typeof ISSUES>>;

/** Fields to change on an entry; `undefined` leaves a field alone, `null` clears it. */
export type IssuePatch = Partial<IssueInput>;

/** Every entry of an issues document, oldest first. Never throws. */
export const readIssues = ISSUES.read;

/** Adds an entry to the open-issues log; returns its id. */
export const addIssue = ISSUES.add;

/**
 * Changes some fields of an entry (escalating is `{ escalationLevel }`). Returns `false` if
 * the entry is gone.
 */
export const updateIssue = ISSUES.update;

/** Deletes an entry (or whatever broken entry has that id). Returns `false` if none was there. */
export const removeIssue = ISSUES.remove;
