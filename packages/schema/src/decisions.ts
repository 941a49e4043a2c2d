import { GOVERNANCE_LEVELS, type GovernanceLevel } from "@entente/domain";
import * as Y from "yjs";
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
  /** The decision this one replaces (an approved decision is changed by a new one); `null` when none. */
  supersedes: string | null;
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
  /** The decision it replaces, if any. */
  supersedes?: string | null;
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
    supersedes: f.optionalRef("supersedes"),
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
    supersedes: pick(input.supersedes, false, (v) => checkOptionalRef("supersedes", v)),
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

/**
 * The fields a vote binds to: every field but `status` and the creation stamp. A change to
 * any of them after a vote makes the vote stale; once a decision is decided, they are frozen.
 */
export const DECISION_CONTENT_FIELDS = [
  "title",
  "context",
  "governanceLevel",
  "proposedBy",
  "meetingId",
  "supersedes",
] as const;

/** What a decision says, as voted on. `null` for a field absent (or not a string). */
export type DecisionContent = Record<(typeof DECISION_CONTENT_FIELDS)[number], string | null>;

function contentValue(value: unknown): string | null {
  if (value instanceof Y.Text) return value.toJSON();
  if (typeof value === "string") return value;
  return null;
}

/**
 * The content of the entry at `id` (a broken entry too, field by field); `null` when no map
 * sits there. Reads only the named fields, so a write beside them changes nothing.
 */
export function readDecisionContent(doc: Y.Doc, id: string): DecisionContent | null {
  const item = itemIn(decisions(doc), id);
  if (!item) return null;
  return contentOf(item);
}

function contentOf(item: Y.Map<unknown>): DecisionContent {
  const content = {} as DecisionContent;
  for (const field of DECISION_CONTENT_FIELDS) content[field] = contentValue(item.get(field));
  return content;
}

/**
 * The canonical text of a content, what its version hashes (SHA-256, lowercase hex): JSON
 * of every content field in a fixed order, absent ones as `null`. The server and the
 * browser hash the same text.
 */
export function decisionContentJson(content: DecisionContent): string {
  return JSON.stringify(DECISION_CONTENT_FIELDS.map((field) => [field, content[field]]));
}

/** Whether two contents are the same, field by field. */
export function sameDecisionContent(a: DecisionContent, b: DecisionContent): boolean {
  return DECISION_CONTENT_FIELDS.every((field) => a[field] === b[field]);
}

/**
 * Puts `content` back into the decision at `id`, touching only the fields that differ (its
 * status and anything else are left as they are). When the entry is gone (or is not a map),
 * writes a new one from `content` and `rest` (the other fields it had: status, stamp).
 * Returns whether anything was written.
 */
export function restoreDecisionContent(
  doc: Y.Doc,
  id: string,
  content: DecisionContent,
  rest: Record<string, unknown>,
): boolean {
  return write(doc, () => {
    const collection = decisions(doc);
    let item = itemIn(collection, id);
    if (!item) {
      item = new Y.Map<unknown>();
      collection.set(id, item);
      for (const [key, value] of Object.entries(rest)) {
        if (isContentField(key) || !isPlainValue(value)) continue;
        item.set(key, value);
      }
    } else if (sameDecisionContent(contentOf(item), content)) {
      return false;
    }
    for (const field of DECISION_CONTENT_FIELDS) {
      const value = content[field];
      if (contentValue(item.get(field)) === value) continue;
      if (field === "context") setTextField(item, field, value ?? "");
      else if (value === null) item.delete(field);
      else item.set(field, value);
    }
    return true;
  });
}

function isContentField(key: string): boolean {
  return (DECISION_CONTENT_FIELDS as readonly string[]).includes(key);
}

function isPlainValue(value: unknown): boolean {
  return (
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  );
}
