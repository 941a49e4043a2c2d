import * as Y from "yjs";
import { FIELD_LIMITS, isFiniteNumber, isIsoDate, isIsoDateTime, isOneOf } from "./fields.js";
import { isRefId, newItemId } from "./ids.js";
import { readSchemaVersion, stampSchemaVersion } from "./schema-version.js";

/**
 * Who writes. Stamped on new items as `createdBy` / `organizationId` / `createdAt` so views
 * can show "ours" and "theirs". These fields live in the CRDT, which any writer of the
 * document can edit: they are what the author's client claimed, good for display. The
 * authoritative authorship of every change is the server's stamp on the update it stored
 * (user and organization of the authenticated connection, in `document_updates`).
 */
export interface Author {
  userId: string;
  organizationId: string;
  /** When; defaults to now. Lets seeds and imports write past history. */
  at?: Date;
}

/** Why a write was refused. */
export const SCHEMA_WRITE_ERROR_CODES = [
  /** The input breaks the schema (the message names the field). */
  "invalid_input",
  /** The parent item (objective, KPI) is not in the document, e.g. deleted meanwhile. */
  "not_found",
  /** The document was written by a newer schema; this client must not write to it. */
  "newer_schema",
] as const;
/** One of {@link SCHEMA_WRITE_ERROR_CODES}. */
export type SchemaWriteErrorCode = (typeof SCHEMA_WRITE_ERROR_CODES)[number];

/** Thrown by writers, before anything is written. Readers never throw. */
export class SchemaWriteError extends Error {
  override readonly name = "SchemaWriteError";

  constructor(
    readonly code: SchemaWriteErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function invalid(field: string, expected: string): never {
  throw new SchemaWriteError("invalid_input", `${field}: expected ${expected}`);
}

/** A required, non-blank title of at most `FIELD_LIMITS.title` characters. */
export function checkTitle(field: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "" || value.length > FIELD_LIMITS.title) {
    invalid(field, `a non-empty text of at most ${FIELD_LIMITS.title} characters`);
  }
  return value;
}

/** A unit: a string of at most `FIELD_LIMITS.unit` characters (may be empty). */
export function checkUnit(field: string, value: unknown): string {
  if (typeof value !== "string" || value.length > FIELD_LIMITS.unit) {
    invalid(field, `a text of at most ${FIELD_LIMITS.unit} characters`);
  }
  return value;
}

/** A long text of at most `FIELD_LIMITS.text` characters (may be empty). */
export function checkText(field: string, value: unknown): string {
  if (typeof value !== "string" || value.length > FIELD_LIMITS.text) {
    invalid(field, `a text of at most ${FIELD_LIMITS.text} characters`);
  }
  return value;
}

/** An optional long text; `null` or `undefined` mean none. */
export function checkOptionalText(field: string, value: unknown): string | null {
  return value === undefined || value === null ? null : checkText(field, value);
}

/** An id of a user, an organization or an item. */
export function checkRef(field: string, value: unknown): string {
  if (!isRefId(value)) invalid(field, "an id");
  return value;
}

/** An optional id; `null` or `undefined` mean none. */
export function checkOptionalRef(field: string, value: unknown): string | null {
  return value === undefined || value === null ? null : checkRef(field, value);
}

/** A list of ids, without duplicates; `nonEmpty` requires at least one. */
export function checkRefList(field: string, value: unknown, nonEmpty: boolean): string[] {
  if (!Array.isArray(value)) invalid(field, "a list of ids");
  const ids = value.map((id, index) => checkRef(`${field}[${index}]`, id));
  if (nonEmpty && ids.length === 0) invalid(field, "at least one id");
  return [...new Set(ids)];
}

/** One of an `as const` list. */
export function checkOneOf<const T extends string>(
  field: string,
  values: readonly T[],
  value: unknown,
): T {
  if (!isOneOf(values, value)) invalid(field, `one of ${values.join(", ")}`);
  return value;
}

/** A calendar date `YYYY-MM-DD`. */
export function checkDate(field: string, value: unknown): string {
  if (!isIsoDate(value)) invalid(field, "a date (YYYY-MM-DD)");
  return value;
}

/** An optional calendar date; `null` or `undefined` mean none. */
export function checkOptionalDate(field: string, value: unknown): string | null {
  return value === undefined || value === null ? null : checkDate(field, value);
}

/** An instant, as `toISOString()` writes it. */
export function checkDateTime(field: string, value: unknown): string {
  if (!isIsoDateTime(value)) invalid(field, "a date and time");
  return value;
}

/** A finite number; `min` bounds it from below. */
export function checkNumber(field: string, value: unknown, min?: number): number {
  if (!isFiniteNumber(value) || (min !== undefined && value < min)) {
    invalid(field, min === undefined ? "a number" : `a number ≥ ${min}`);
  }
  return value;
}

/** An optional finite number; `null` or `undefined` mean none. */
export function checkOptionalNumber(field: string, value: unknown, min?: number): number | null {
  return value === undefined || value === null ? null : checkNumber(field, value, min);
}

/**
 * Checks one field of an input or a patch: in a patch (`whole` false) an `undefined` field is
 * left alone and stays `undefined`; in a whole input every field is checked.
 */
export function pick<T>(
  value: unknown,
  whole: boolean,
  check: (value: unknown) => T,
): T | undefined {
  return value === undefined && !whole ? undefined : check(value);
}

/** Checks an {@link Author} and returns the instant to stamp. */
export function checkAuthor(by: Author): string {
  checkRef("by.userId", by.userId);
  checkRef("by.organizationId", by.organizationId);
  const at = by.at ?? new Date();
  if (Number.isNaN(at.getTime())) invalid("by.at", "a valid date");
  return at.toISOString();
}

/** Refuses to write into a document a newer schema wrote (its fields may mean other things). */
export function assertWritable(doc: Y.Doc): void {
  const state = readSchemaVersion(doc);
  if (state.status === "newer") {
    throw new SchemaWriteError(
      "newer_schema",
      `this document has schema version ${state.version}; this app writes an older one`,
    );
  }
}

/**
 * Runs a write in one transaction, after checking the version, and stamps the version on a
 * new document. Every writer goes through here.
 */
export function write<T>(doc: Y.Doc, change: () => T): T {
  assertWritable(doc);
  return doc.transact(() => {
    stampSchemaVersion(doc);
    return change();
  });
}

/** The item Y.Map at `id`, or `null` if there is none (or something else sits there). */
export function itemIn(collection: Y.Map<unknown>, id: string): Y.Map<unknown> | null {
  const item = collection.get(id);
  return item instanceof Y.Map ? (item as Y.Map<unknown>) : null;
}

/** The sub-collection `key` of an item; `not_found` if the item or its collection is missing. */
export function subCollection(
  collection: Y.Map<unknown>,
  id: string,
  key: string,
  what: string,
): Y.Map<unknown> {
  const sub = itemIn(collection, id)?.get(key);
  if (!(sub instanceof Y.Map)) throw new SchemaWriteError("not_found", `${what} ${id} not found`);
  return sub as Y.Map<unknown>;
}

/** Adds a new item to a collection under a fresh id, stamped with its author. */
export function insertItem(
  collection: Y.Map<unknown>,
  fields: Record<string, unknown>,
  by: Author,
  at: string,
): string {
  const id = newItemId();
  const item = new Y.Map<unknown>();
  collection.set(id, item);
  // An optional field left out of the input is left out of the item.
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) item.set(key, value);
  item.set("createdBy", by.userId);
  item.set("organizationId", by.organizationId);
  item.set("createdAt", at);
  return id;
}

/** A new Y.Text holding `value`, for a long text field. */
export function newText(value: string): Y.Text {
  return new Y.Text(value);
}

/** A new set of ids: a Y.Map from id to `true`, so concurrent additions all survive. */
export function newIdSet(ids: readonly string[]): Y.Map<boolean> {
  return new Y.Map<boolean>(ids.map((id) => [id, true] as [string, boolean]));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Replaces a Y.Text's content by touching only what changed (common prefix and suffix kept),
 * so a concurrent edit elsewhere in the same text survives. Never splits a surrogate pair.
 */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toJSON();
  if (current === next) return;
  let start = 0;
  const shortest = Math.min(current.length, next.length);
  while (start < shortest && current.charCodeAt(start) === next.charCodeAt(start)) start += 1;
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start -= 1;
  let end = 0;
  while (
    end < shortest - start &&
    current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end += 1;
  }
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end -= 1;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted !== "") text.insert(start, inserted);
}

/** Sets a long text field, editing its Y.Text in place when there is one. */
export function setTextField(item: Y.Map<unknown>, key: string, value: string): void {
  const current = item.get(key);
  if (current instanceof Y.Text) replaceText(current, value);
  else item.set(key, newText(value));
}

/** Sets an id-set field to exactly `ids`, adding and deleting members one by one. */
export function setIdSetField(item: Y.Map<unknown>, key: string, ids: readonly string[]): void {
  const current = item.get(key);
  if (!(current instanceof Y.Map)) {
    item.set(key, newIdSet(ids));
    return;
  }
  const set = current as Y.Map<unknown>;
  const wanted = new Set(ids);
  for (const id of [...set.keys()]) if (!wanted.has(id)) set.delete(id);
  for (const id of wanted) if (set.get(id) !== true) set.set(id, true);
}

/** Sets plain fields, skipping `undefined` (a patch leaves those alone). */
export function setFields(item: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && item.get(key) !== value) item.set(key, value);
  }
}

/**
 * Deletes whatever sits at `id` in a collection, a broken entry too (so a view can offer to
 * delete what it cannot show). `false` if the collection or the entry is not there.
 */
export function deleteEntry(collection: unknown, id: string): boolean {
  if (!(collection instanceof Y.Map) || !collection.has(id)) return false;
  collection.delete(id);
  return true;
}
