import { GOVERNANCE_LEVELS, type GovernanceLevel } from "@entente/domain";
import type * as Y from "yjs";
import type { Stamped } from "./fields.js";
import { FieldReader, readRootCollection, type ReadResult } from "./read-result.js";
import {
  checkAuthor,
  checkOneOf,
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

/** The root map of `<pid>/decisions`: decision id → decision. */
export const DECISIONS_ROOT = "decisions";

/**
 * Where a decision stands. `approved` and `rejected` are what the document says; the two-key
 * rule (it takes effect only when every organization approved) needs approvals the server
 * records per organization, since anyone who may edit this document may edit this field.
 */
export const DECISION_STATUSES = [
  "draft",
  "proposed",
  "approved",
  "rejected",
  "withdrawn",
] as const;
/** One of {@link DECISION_STATUSES}. */
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A decision proposed at a governance level. */
export interface Decision extends Stamped {
  id: string;
  title: string;
  /** Why it is needed, the options weighed. */
  context: string;
  governanceLevel: GovernanceLevel;
  /** The user who proposes it (may differ from `createdBy` when recorded for someone). */
  proposedBy: string;
  status: DecisionStatus;
  /** The meeting (workshop) it came out of; `null` when none (or written before the field existed). */
  meetingId: string | null;
}

/** What a new decision needs. */
export interface DecisionInput {
  title: string;
  context?: string;
  governanceLevel: GovernanceLevel;
  /** Defaults to the author. */
  proposedBy?: string;
  /** Defaults to `proposed`. */
  status?: DecisionStatus;
  /** The meeting it came out of, if any. */
  meetingId?: string | null;
}

/** Fields to change on a decision; `undefined` leaves a field alone. */
export type DecisionPatch = Partial<DecisionInput>;

function readDecision(item: Y.Map<unknown>, id: string): ReadResult<Decision> {
  const f = new FieldReader(item);
  const value: Decision = {
    id,
    title: f.string("title"),
    context: f.text("context"),
    governanceLevel: f.oneOf("governanceLevel", GOVERNANCE_LEVELS),
    proposedBy: f.ref("proposedBy"),
    status: f.oneOf("status", DECISION_STATUSES),
    meetingId: f.optionalRef("meetingId"),
    ...f.stamp(),
  };
  return f.result(id, value, item);
}

/** Every decision of a decisions document, oldest first. Never throws. */
export function readDecisions(doc: Y.Doc): ReadResult<Decision>[] {
  return readRootCollection(doc, DECISIONS_ROOT, readDecision);
}

function decisionFields(input: DecisionPatch, whole: boolean) {
  return {
    title: pick(input.title, whole, (v) => checkTitle("title", v)),
    context: pick(input.context ?? (whole ? "" : undefined), whole, (v) => checkText("context", v)),
    governanceLevel: pick(input.governanceLevel, whole, (v) =>
      checkOneOf("governanceLevel", GOVERNANCE_LEVELS, v),
    ),
    proposedBy: pick(input.proposedBy, false, (v) => checkRef("proposedBy", v)),
    status: pick(input.status ?? (whole ? "proposed" : undefined), whole, (v) =>
      checkOneOf("status", DECISION_STATUSES, v),
    ),
    meetingId: pick(input.meetingId, false, (v) => checkOptionalRef("meetingId", v)),
  };
}

function decisions(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DECISIONS_ROOT);
}

/** Adds a decision; returns its id. */
export function addDecision(doc: Y.Doc, input: DecisionInput, by: Author): string {
  const { context, proposedBy, ...fields } = decisionFields(input, true);
  const at = checkAuthor(by);
  return write(doc, () =>
    insertItem(
      decisions(doc),
      { ...fields, context: newText(context ?? ""), proposedBy: proposedBy ?? by.userId },
      by,
      at,
    ),
  );
}

/** Changes some fields of a decision. Returns `false` if it is gone. */
export function updateDecision(doc: Y.Doc, id: string, patch: DecisionPatch): boolean {
  const { context, ...fields } = decisionFields(patch, false);
  return write(doc, () => {
    const item = itemIn(decisions(doc), id);
    if (!item) return false;
    setFields(item, fields);
    if (context !== undefined) setTextField(item, "context", context);
    return true;
  });
}

/** Deletes a decision (or whatever broken entry has that id). Returns `false` if none was there. */
export function removeDecision(doc: Y.Doc, id: string): boolean {
  return write(doc, () => deleteEntry(decisions(doc), id));
}
