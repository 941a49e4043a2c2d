import * as Y from "yjs";
import {
  isFiniteNumber,
  isIsoDate,
  isIsoDateTime,
  isOneOf,
  type IsoDate,
  type Stamped,
} from "./fields.js";

/**
 * One entry read out of a document. Readers never throw: an entry that is not what this
 * schema describes (a wrong type, a missing field, an unknown status, not even a map) comes
 * back as `ok: false` with its key, what is wrong, and its raw JSON, so a view can show it as
 * broken, offer to delete it, and go on showing everything else.
 */
export type ReadResult<T> =
  { ok: true; value: T } | { ok: false; id: string; problem: string; raw: unknown };

/** The entries read well, dropping the broken ones (for counts and charts). */
export function readValues<T>(results: readonly ReadResult<T>[]): T[] {
  const values: T[] = [];
  for (const result of results) if (result.ok) values.push(result.value);
  return values;
}

/** A Yjs value as plain JSON, for `raw`. Never throws. */
export function toPlain(value: unknown): unknown {
  try {
    if (value instanceof Y.Text) return value.toJSON();
    if (value instanceof Y.AbstractType) return value.toJSON() as unknown;
    return value;
  } catch {
    return null;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (value instanceof Y.Map) return "a map";
  if (value instanceof Y.Array) return "an array";
  if (value instanceof Y.Text) return "a text";
  if (value instanceof Y.AbstractType) return "a shared type";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `a ${typeof value}`;
}

interface FieldSource {
  get(key: string): unknown;
}

/**
 * Reads the fields of one entry (a Y.Map, or a plain object stored in a Y.Array), collecting
 * every problem instead of stopping at the first. A getter returns a placeholder when its
 * field is wrong; the caller turns the entry into `ok: false` if any problem was found.
 * "Optional" fields read a missing key as `null`, so items written before a field existed
 * stay readable.
 */
export class FieldReader {
  readonly problems: string[] = [];

  constructor(private readonly source: FieldSource) {}

  private wrong(key: string, expected: string, value: unknown): void {
    this.problems.push(`${key}: expected ${expected}, got ${describe(value)}`);
  }

  /** A string, possibly empty. */
  string(key: string): string {
    const value = this.source.get(key);
    if (typeof value === "string") return value;
    this.wrong(key, "a string", value);
    return "";
  }

  /** A reference to a user, an organization or an item: a non-empty string. */
  ref(key: string): string {
    const value = this.source.get(key);
    if (typeof value === "string" && value !== "") return value;
    this.wrong(key, "an id", value);
    return "";
  }

  /** A reference that may be absent. */
  optionalRef(key: string): string | null {
    const value = this.source.get(key);
    if (value === undefined || value === null) return null;
    return this.ref(key);
  }

  /** A long text: a Y.Text (what writers store) or a plain string. */
  text(key: string): string {
    const value = this.source.get(key);
    if (value instanceof Y.Text) return value.toJSON();
    if (typeof value === "string") return value;
    this.wrong(key, "a text", value);
    return "";
  }

  /** A text that may be absent. */
  optionalText(key: string): string | null {
    const value = this.source.get(key);
    if (value === undefined || value === null) return null;
    return this.text(key);
  }

  /** A finite number. */
  number(key: string): number {
    const value = this.source.get(key);
    if (isFiniteNumber(value)) return value;
    this.wrong(key, "a number", value);
    return 0;
  }

  /** A finite number that may be absent. */
  optionalNumber(key: string): number | null {
    const value = this.source.get(key);
    if (value === undefined || value === null) return null;
    return this.number(key);
  }

  /** One of an `as const` list. */
  oneOf<const T extends string>(key: string, values: readonly T[]): T {
    const value = this.source.get(key);
    if (isOneOf(values, value)) return value;
    this.wrong(key, `one of ${values.join(", ")}`, value);
    return values[0] as T;
  }

  /** A calendar date. */
  date(key: string): IsoDate {
    const value = this.source.get(key);
    if (isIsoDate(value)) return value;
    this.wrong(key, "a date (YYYY-MM-DD)", value);
    return "";
  }

  /** A calendar date that may be absent. */
  optionalDate(key: string): IsoDate | null {
    const value = this.source.get(key);
    if (value === undefined || value === null) return null;
    return this.date(key);
  }

  /** An instant (`toISOString()`). */
  dateTime(key: string): string {
    const value = this.source.get(key);
    if (isIsoDateTime(value)) return value;
    this.wrong(key, "a date and time", value);
    return "";
  }

  /** The creation stamp every item carries. */
  stamp(): Stamped {
    return {
      createdBy: this.ref("createdBy"),
      organizationId: this.ref("organizationId"),
      createdAt: this.dateTime("createdAt"),
    };
  }

  /** A set of ids stored as a Y.Map from id to `true`; returned sorted. */
  idSet(key: string): string[] {
    const value = this.source.get(key);
    if (!(value instanceof Y.Map)) {
      this.wrong(key, "a set (map of ids)", value);
      return [];
    }
    const ids: string[] = [];
    for (const [id, member] of value.entries()) if (member === true && id !== "") ids.push(id);
    return ids.sort();
  }

  /** A nested Y.Map (a collection of sub-items). */
  map(key: string): Y.Map<unknown> | null {
    const value = this.source.get(key);
    if (value instanceof Y.Map) return value as Y.Map<unknown>;
    this.wrong(key, "a map", value);
    return null;
  }

  /** A nested Y.Array. */
  array(key: string): Y.Array<unknown> | null {
    const value = this.source.get(key);
    if (value instanceof Y.Array) return value as Y.Array<unknown>;
    this.wrong(key, "an array", value);
    return null;
  }

  /** `value` if every field read well, the problems otherwise. */
  result<T>(id: string, value: T, raw: unknown): ReadResult<T> {
    if (this.problems.length === 0) return { ok: true, value };
    return { ok: false, id, problem: this.problems.join("; "), raw: toPlain(raw) };
  }
}

function sortKey(value: unknown): string {
  const createdAt = value instanceof Y.Map ? (value as Y.Map<unknown>).get("createdAt") : undefined;
  return typeof createdAt === "string" ? createdAt : "";
}

/**
 * Reads every entry of a collection (a Y.Map from id to item Y.Map), oldest first (by
 * `createdAt`, then id, so every peer lists them in the same order). Non-map entries and
 * readers that throw become `ok: false` entries.
 */
export function readCollection<T>(
  collection: Y.Map<unknown>,
  read: (item: Y.Map<unknown>, id: string) => ReadResult<T>,
): ReadResult<T>[] {
  // Plain code-unit order, not localeCompare: every peer must sort the same way.
  const entries = [...collection.entries()]
    .map(([id, value]) => ({ key: `${sortKey(value)}\u0000${id}`, id, value }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries.map(({ id, value }) => readEntry(id, value, read));
}

function readEntry<T>(
  id: string,
  value: unknown,
  read: (item: Y.Map<unknown>, id: string) => ReadResult<T>,
): ReadResult<T> {
  if (!(value instanceof Y.Map)) {
    return {
      ok: false,
      id,
      problem: `expected an item (a map), got ${describe(value)}`,
      raw: toPlain(value),
    };
  }
  try {
    return read(value as Y.Map<unknown>, id);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, id, problem: `unreadable: ${message}`, raw: toPlain(value) };
  }
}

/**
 * A root map of a document, or `null` when the name is already used by another shared type
 * (Yjs throws in that case; a reader must not).
 */
export function rootMap(doc: Y.Doc, name: string): Y.Map<unknown> | null {
  try {
    return doc.getMap<unknown>(name);
  } catch {
    return null;
  }
}

/** Reads a root collection; a root of the wrong type reads as one broken entry named after it. */
export function readRootCollection<T>(
  doc: Y.Doc,
  name: string,
  read: (item: Y.Map<unknown>, id: string) => ReadResult<T>,
): ReadResult<T>[] {
  const root = rootMap(doc, name);
  if (!root) return [{ ok: false, id: name, problem: `${name}: expected a map`, raw: null }];
  return readCollection(root, read);
}
