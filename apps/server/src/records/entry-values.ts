import { parseDocumentName, type DocumentRef } from "@entente/domain";
import type { RecordedDocumentKind } from "@entente/protocol";
import { TEXT_KEYS } from "@entente/schema";
import * as Y from "yjs";

/** A field value longer than this (as JSON) is kept as a shortened preview. */
const MAX_VALUE_CHARS = 2_000;
const PREVIEW_CHARS = 300;
/** Titles as they were, for the trash and for references to deleted entries. */
const MAX_TITLE_CHARS = 200;

const RECORDED_KINDS: ReadonlySet<string> = new Set<RecordedDocumentKind>([
  "objectives",
  "issues",
  "decisions",
  "profile",
]);

/** A document whose entries have records: its parsed name, when it is one. */
export type RecordedDocument =
  | { kind: "objectives" | "issues" | "decisions"; partnershipId: string }
  | { kind: "profile"; partnershipId: string; organizationId: string };

export function recordedDocument(documentName: string): RecordedDocument | null {
  const ref = parseDocumentName(documentName);
  return ref && RECORDED_KINDS.has(ref.kind) ? (ref as DocumentRef & RecordedDocument) : null;
}

/**
 * A value as the records keep it: JSON, unless its JSON is longer than `MAX_VALUE_CHARS`,
 * then a string preview ending in "…" (a long description must not grow the table).
 */
export function boundedValue(value: unknown): unknown {
  if (value === undefined) return null;
  const json = JSON.stringify(value);
  if (json === undefined) return null;
  if (json.length <= MAX_VALUE_CHARS) return value;
  return `${json.slice(0, PREVIEW_CHARS)}…`;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** What an entry is called: its title, a KPI's name, an ambition's statement; else its id. */
export function entryTitle(entry: Record<string, unknown> | null, entryId: string): string {
  const title = text(entry?.title) ?? text(entry?.name) ?? text(entry?.statement) ?? entryId;
  return title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1)}…` : title;
}

/**
 * The organizations an entry belongs to: its owner organization(s) (an objective's set of
 * owners, an action's or issue's owner, a profile's organization) and the organization
 * that created it. The first is the main owner.
 */
export function entryOrganizations(
  ref: RecordedDocument,
  entry: Record<string, unknown> | null,
): string[] {
  const ids: string[] = [];
  const add = (id: unknown) => {
    if (typeof id === "string" && id !== "" && !ids.includes(id)) ids.push(id);
  };
  if (ref.kind === "profile") add(ref.organizationId);
  add(entry?.ownerOrganizationId);
  const owners = entry?.owners;
  if (owners && typeof owners === "object" && !Array.isArray(owners)) {
    for (const [id, member] of Object.entries(owners)) if (member === true) add(id);
  }
  add(entry?.organizationId);
  return ids;
}

/**
 * Rebuilds an entry from its JSON (`Y.Map#toJSON()`) the way the schema writes it: objects
 * as maps (nested collections and their entries, sets of ids), arrays as Y.Arrays of the
 * plain values they held (a KPI's target history: its target changes are plain records,
 * never maps), the schema's long texts as Y.Text.
 */
export function entryFromJson(entry: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(entry)) map.set(key, toYValue(value, key));
  return map;
}

function toYValue(value: unknown, key: string): unknown {
  if (Array.isArray(value)) {
    const array = new Y.Array<unknown>();
    array.push(value);
    return array;
  }
  if (value !== null && typeof value === "object") {
    return entryFromJson(value as Record<string, unknown>);
  }
  if (typeof value === "string" && TEXT_KEYS.has(key)) return new Y.Text(value);
  return value;
}

/**
 * The collection map at `collection` (`["objectives", objectiveId, "actions"]`) in `doc`;
 * null when a parent on the way is gone.
 */
export function collectionIn(doc: Y.Doc, collection: readonly string[]): Y.Map<unknown> | null {
  const [root, ...rest] = collection;
  if (root === undefined) return null;
  let map: Y.Map<unknown> = doc.getMap<unknown>(root);
  for (const key of rest) {
    const next = map.get(key);
    if (!(next instanceof Y.Map)) return null;
    map = next as Y.Map<unknown>;
  }
  return map;
}
