import { formatDocumentName, type GovernanceLevel } from "@entente/domain";
import type { NoteConversionKind } from "@entente/protocol";
import {
  addAction,
  addDecision,
  addIssue,
  FIELD_LIMITS,
  type Author,
  type IsoDate,
  type Severity,
} from "@entente/schema";
import type * as Y from "yjs";

/** What a note or a group becomes (`POST /api/workshop-notes/:noteId/convert`). */
export type ConversionInput =
  | {
      kind: "action";
      objectiveId: string;
      ownerOrganizationId: string;
      title?: string | undefined;
      dueDate?: IsoDate | undefined;
    }
  | {
      kind: "issue";
      ownerOrganizationId: string;
      title?: string | undefined;
      severity?: Severity | undefined;
    }
  | { kind: "decision"; level: GovernanceLevel; title?: string | undefined };

/** Severity of an issue converted without one. */
export const DEFAULT_ISSUE_SEVERITY: Severity = "medium";

/** The document an item of `kind` lives in. */
export function conversionDocument(partnershipId: string, kind: NoteConversionKind): string {
  const documentKind = kind === "action" ? "objectives" : kind === "issue" ? "issues" : "decisions";
  return formatDocumentName({ kind: documentKind, partnershipId });
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * A title made of a note's text (or a group's title): on one line, trimmed, and cut to the
 * schema's title limit with an ellipsis, never in the middle of a surrogate pair.
 */
export function titleFrom(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= FIELD_LIMITS.title) return line;
  let end = FIELD_LIMITS.title - 1;
  if (isHighSurrogate(line.charCodeAt(end - 1))) end -= 1;
  return `${line.slice(0, end).trimEnd()}…`;
}

/** What a converted item is made of: its source's text, and the texts under it (a group's notes). */
export interface ConversionSource {
  /** The note's text, or the group's title. */
  text: string;
  /** A group's revealed notes, oldest first; empty for a note. */
  details: string[];
}

/**
 * The long text of a converted issue or decision: what the title does not already say
 * (the note's whole text when the title is not it, a group's notes as a list).
 */
export function descriptionFrom(source: ConversionSource, title: string): string {
  const lines = source.details.map((detail) => `- ${detail.replace(/\s+/g, " ").trim()}`);
  const whole = source.text.trim();
  if (whole !== title) lines.unshift(whole);
  const text = lines.join("\n");
  return text.length <= FIELD_LIMITS.text ? text : text.slice(0, FIELD_LIMITS.text);
}

/**
 * Writes the item into its document with the schema writers, linked to the meeting and
 * stamped with `by`; returns its id. Throws the writers' `SchemaWriteError` (an objective
 * that is not there is `not_found`) before writing anything.
 */
export function writeConvertedItem(
  doc: Y.Doc,
  input: ConversionInput,
  source: ConversionSource,
  meetingId: string,
  by: Author,
): string {
  const title = input.title ?? titleFrom(source.text);
  switch (input.kind) {
    case "action":
      return addAction(
        doc,
        input.objectiveId,
        {
          title,
          ownerOrganizationId: input.ownerOrganizationId,
          dueDate: input.dueDate ?? null,
          meetingId,
        },
        by,
      );
    case "issue":
      return addIssue(
        doc,
        {
          kind: "issue",
          title,
          description: descriptionFrom(source, title),
          ownerOrganizationId: input.ownerOrganizationId,
          severity: input.severity ?? DEFAULT_ISSUE_SEVERITY,
          meetingId,
        },
        by,
      );
    case "decision":
      return addDecision(
        doc,
        {
          title,
          context: descriptionFrom(source, title),
          governanceLevel: input.level,
          meetingId,
        },
        by,
      );
  }
}
