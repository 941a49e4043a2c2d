import { GOVERNANCE_LEVELS } from "@entente/domain";
import * as Y from "yjs";
import {
  defineCollection,
  oneOf,
  optionalRef,
  ref,
  richText,
  title,
  type FieldsOf,
  type EntryOf,
  type InputOf,
} from "./collection.js";
import { itemIn, setTextField, write } from "./writing.js";

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

/** Decisions proposed at a governance level. */
export const DECISIONS = defineCollection(DECISIONS_ROOT, {
  title: title(),
  /** Why it is needed, the options weighed. */
  context: richText(),
  governanceLevel: oneOf(GOVERNANCE_LEVELS),
  /** The user who proposes it (may differ from `createdBy` when recorded for someone); defaults to the author. */
  proposedBy: ref("author"),
  /** Defaults to `proposed`. */
  status: oneOf(DECISION_STATUSES, "proposed"),
  /** The meeting (workshop) it came out of; `null` when none (or written before the field existed). */
  meetingId: optionalRef("absent"),
  /** The decision this one replaces (an approved decision is changed by a new one); `null` when none. */
  supersedes: optionalRef("absent"),
});

/** A decision proposed at a governance level. */
export type Decision = EntryOf<FieldsOf<typeof DECISIONS>>;

/** What a new decision needs. */
export type DecisionInput = InputOf<FieldsOf<typeof DECISIONS>>;

/** Fields to change on a decision; `undefined` leaves a field alone. */
export type DecisionPatch = Partial<DecisionInput>;

/** Every decision of a decisions document, oldest first. Never throws. */
export const readDecisions = DECISIONS.read;

function decisions(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DECISIONS_ROOT);
}

/** Adds a decision; returns its id. */
export const addDecision = DECISIONS.add;

/** Changes some fields of a decision. Returns `false` if it is gone. */
export const updateDecision = DECISIONS.update;

/** Deletes a decision (or whatever broken entry has that id). Returns `false` if none was there. */
export const removeDecision = DECISIONS.remove;

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
