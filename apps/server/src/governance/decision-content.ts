import { createHash } from "node:crypto";
import {
  DECISION_CONTENT_FIELDS,
  decisionContentJson,
  type DecisionContent,
} from "@entente/schema";

/** The content of a decision that is not there: every field null. */
export const NO_DECISION_CONTENT: DecisionContent = Object.fromEntries(
  DECISION_CONTENT_FIELDS.map((field) => [field, null]),
) as DecisionContent;

/**
 * A decision's content version: lowercase hex SHA-256 of its canonical JSON
 * (`decisionContentJson`: every field but its status). Votes store it; an edit of the
 * status, or a write beside the content fields, leaves it as it was.
 */
export function decisionContentVersion(content: DecisionContent | null): string {
  return createHash("sha256")
    .update(decisionContentJson(content ?? NO_DECISION_CONTENT))
    .digest("hex");
}

/** A stored content read back (`decisionContentJson`'s text). */
export function parseDecisionContent(json: string): DecisionContent {
  const pairs = JSON.parse(json) as unknown;
  return contentOfJson(
    Array.isArray(pairs) ? Object.fromEntries(pairs as [string, unknown][]) : {},
  );
}

/** The content of an entry as JSON (`Y.Map#toJSON()`, a Y.Text read as its string). */
export function contentOfJson(parsed: Record<string, unknown>): DecisionContent {
  const content = { ...NO_DECISION_CONTENT };
  for (const field of DECISION_CONTENT_FIELDS) {
    const value = parsed[field];
    content[field] = typeof value === "string" ? value : null;
  }
  return content;
}
