import { createHash } from "node:crypto";
import { DECISION_CONTENT_FIELDS, type DecisionContent } from "@entente/schema";

/** The content of a decision that is not there: every field null. */
export const NO_DECISION_CONTENT: DecisionContent = Object.fromEntries(
  DECISION_CONTENT_FIELDS.map((field) => [field, null]),
) as DecisionContent;

/**
 * JSON with object keys sorted at every level, so the same content always gives the same
 * text (and hash), whatever order its fields were written in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * A decision's content version: lowercase hex SHA-256 of the canonical JSON of its content
 * (every field but its status). Votes store it; an edit of the status, or a write beside
 * the content fields, leaves it as it was.
 */
export function decisionContentVersion(content: DecisionContent | null): string {
  return createHash("sha256")
    .update(canonicalJson(content ?? NO_DECISION_CONTENT))
    .digest("hex");
}

/** A stored content read back: the named fields only, anything else dropped. */
export function parseDecisionContent(json: string): DecisionContent {
  return contentOfJson(JSON.parse(json) as Record<string, unknown>);
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
