import type * as Y from "yjs";
import type { IsoDate, IsoDateTime, Stamped } from "./fields.js";
import { FieldReader, readRootCollection, type ReadResult } from "./read-result.js";
import {
  checkAuthor,
  checkDate,
  checkDateTime,
  checkNumber,
  checkOneOf,
  checkOptionalDate,
  checkOptionalNumber,
  checkOptionalRef,
  checkOptionalText,
  checkRef,
  checkRefList,
  checkText,
  checkTitle,
  checkUnit,
  deleteEntry,
  insertItem,
  itemIn,
  newIdSet,
  newText,
  pick,
  setFields,
  setIdSetField,
  setTextField,
  write,
  type Author,
} from "./writing.js";

/*
 * A collection of entries (the open-issues log, the decisions) described once: each field
 * says how it is read back from whatever a peer wrote, how it is checked on the way in, and
 * what a new entry holds when the input leaves it out. The entry's type, the input's type,
 * the reader and the writers (add, update, remove) all follow from that one description.
 */

/** What a new entry holds when the input leaves the field out. */
type Initial<T> =
  /** Checked all the same: a required field refuses the entry, an optional one becomes null. */
  | "checked"
  /** Left out of the entry. */
  | "absent"
  /** The writer's own user id. */
  | "author"
  /** This value. */
  | { value: T };

/** One field of a collection's entries. */
export interface Field<T, I extends Initial<T> = Initial<T>> {
  read(reader: FieldReader, key: string): T;
  check(key: string, value: unknown): T;
  readonly initial: I;
  /**
   * How the value is stored: as itself, as a co-edited `Y.Text` (changed in place, so
   * concurrent edits merge) or as a set of ids (a `Y.Map` of id → true).
   */
  readonly store?: "text" | "idSet";
  /** The item's key when it differs from the field's name (the name is the API's). */
  readonly storedAs?: string;
}

// `any`: a description holds fields of every value type; each one's type is read back below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<string, Field<any>>;

type ValueOf<F> = F extends Field<infer T> ? T : never;

/**
 * Each field's value (homomorphic: the description's doc comments carry over); without id
 * or stamp, as entries that carry neither hold them (a KPI's target changes).
 */
export type Values<F extends Fields> = { -readonly [K in keyof F]: ValueOf<F[K]> };

/** The fields an input must give: checked on a new entry and never null. */
type RequiredKey<F extends Fields> = {
  [K in keyof F]: F[K]["initial"] extends "checked"
    ? null extends ValueOf<F[K]>
      ? never
      : K
    : never;
}[keyof F];

/** An entry as read: its id, every field, and who wrote it when. */
export type EntryOf<F extends Fields> = { id: string } & Values<F> & Stamped;

/** What a new entry needs; a field left out gets its `initial`. */
export type InputOf<F extends Fields> = Pick<Values<F>, RequiredKey<F>> &
  Partial<Omit<Values<F>, RequiredKey<F>>>;

/** The writers and the reader of one collection. */
export interface Collection<F extends Fields> {
  /** The root map of the document: entry id → entry. */
  readonly root: string;
  /** The keys its entries keep as co-edited `Y.Text`, as stored. */
  readonly textKeys: readonly string[];
  /** Every entry, oldest first. Never throws. */
  readonly read: (doc: Y.Doc) => ReadResult<EntryOf<F>>[];
  /** Adds an entry; returns its id. Throws a `SchemaWriteError` on an invalid input. */
  readonly add: (doc: Y.Doc, input: InputOf<F>, by: Author) => string;
  /** Changes some fields (`undefined` leaves one alone); `false` if the entry is gone. */
  readonly update: (doc: Y.Doc, id: string, patch: Partial<InputOf<F>>) => boolean;
  /** Deletes an entry (or whatever broken entry has that id); `false` if none was there. */
  readonly remove: (doc: Y.Doc, id: string) => boolean;
}

/** The fields a collection was defined with (`FieldsOf<typeof DECISIONS>`). */
export type FieldsOf<C> = C extends Collection<infer F> ? F : never;

/**
 * What a collection checks across fields, after each field's own check: the values a new
 * entry (`whole`) or a change gives (a field the change leaves alone is undefined).
 */
type EntryCheck<F extends Fields> = (values: Partial<Values<F>>, whole: boolean) => void;

/**
 * The entries a description describes, wherever they sit: a root collection
 * (`defineCollection`) or one nested in another entry (an objective's actions).
 */
export interface Entries<F extends Fields> {
  /** The keys these entries keep as co-edited `Y.Text` (rich text), as stored. */
  readonly textKeys: readonly string[];
  /** Every field, read leniently (a wrong one is noted on the reader). */
  readFields(reader: FieldReader): Values<F>;
  /** An entry as stored: its id, fields and stamp, or what is wrong with it. */
  read(item: Y.Map<unknown>, id: string): ReadResult<EntryOf<F>>;
  /** A new entry's values, checked, as stored (rich text as `Y.Text`, id sets as `Y.Map`). */
  forNew(input: InputOf<F>, by: Author): Record<string, unknown>;
  /** Checks a change; the returned function writes it into an entry. */
  change(patch: Partial<InputOf<F>>): (item: Y.Map<unknown>) => void;
}

export function describeEntries<F extends Fields>(
  fields: F,
  checkEntry?: EntryCheck<F>,
): Entries<F> {
  const keys = Object.keys(fields);
  const fieldOf = (key: string) => fields[key] as Field<unknown>;
  const storedKey = (key: string) => fieldOf(key).storedAs ?? key;

  function readFields(reader: FieldReader): Values<F> {
    const value: Record<string, unknown> = {};
    for (const key of keys) value[key] = fieldOf(key).read(reader, storedKey(key));
    return value as Values<F>;
  }

  /** The checked values of what the input gives; on a new entry, also what it leaves out. */
  function checked(input: Record<string, unknown>, whole: boolean): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const key of keys) {
      const field = fieldOf(key);
      const { initial } = field;
      // A field with a starting value reads null as left out; any other passes null on to
      // its check (an optional id or date: "clear it").
      const given =
        typeof initial === "object"
          ? (input[key] ?? (whole ? initial.value : undefined))
          : input[key];
      const checkedOnNew = whole && (initial === "checked" || typeof initial === "object");
      result[key] = pick(given, checkedOnNew, (v) => field.check(key, v));
    }
    checkEntry?.(result as Partial<Values<F>>, whole);
    return result;
  }

  return {
    textKeys: keys.filter((key) => fieldOf(key).store === "text").map(storedKey),
    readFields,
    read(item, id) {
      const reader = new FieldReader(item);
      const value: EntryOf<F> = { id, ...readFields(reader), ...reader.stamp() };
      return reader.result(id, value, item);
    },
    forNew(input, by) {
      const values = checked(input, true);
      const stored: Record<string, unknown> = {};
      for (const key of keys) {
        const field = fieldOf(key);
        let value = values[key];
        if (field.initial === "author") value ??= by.userId;
        if (field.store === "text") value = newText((value as string | undefined) ?? "");
        if (field.store === "idSet") value = newIdSet((value as string[] | undefined) ?? []);
        stored[storedKey(key)] = value;
      }
      return stored;
    },
    change(patch) {
      const values = checked(patch, false);
      return (item) => {
        const plain: Record<string, unknown> = {};
        for (const key of keys) if (!fieldOf(key).store) plain[storedKey(key)] = values[key];
        setFields(item, plain);
        for (const key of keys) {
          const value = values[key];
          if (value === undefined) continue;
          const { store } = fieldOf(key);
          if (store === "text") setTextField(item, storedKey(key), value as string);
          if (store === "idSet") setIdSetField(item, storedKey(key), value as string[]);
        }
      };
    },
  };
}

/** A collection at the root of a document: `root` maps entry ids to entries. */
export function defineCollection<F extends Fields>(
  root: string,
  fields: F,
  checkEntry?: EntryCheck<F>,
): Collection<F> {
  const entries = (doc: Y.Doc) => doc.getMap<unknown>(root);
  const described = describeEntries(fields, checkEntry);
  return {
    root,
    textKeys: described.textKeys,
    read: (doc) => readRootCollection(doc, root, (item, id) => described.read(item, id)),
    add(doc, input, by) {
      const stored = described.forNew(input, by);
      const at = checkAuthor(by);
      return write(doc, () => insertItem(entries(doc), stored, by, at));
    },
    update(doc, id, patch) {
      const apply = described.change(patch);
      return write(doc, () => {
        const item = itemIn(entries(doc), id);
        if (!item) return false;
        apply(item);
        return true;
      });
    },
    remove: (doc, id) => write(doc, () => deleteEntry(entries(doc), id)),
  };
}

// ---- the kinds of field ----

/** A title: a non-empty text of at most `FIELD_LIMITS.title` characters. */
export function title(): Field<string, "checked"> {
  return { read: (f, key) => f.string(key), check: checkTitle, initial: "checked" };
}

/** A co-edited long text; a new entry starts empty unless the text is required (`checked`). */
export function richText(): Field<string, { value: string }>;
export function richText(initial: "checked"): Field<string, "checked">;
export function richText(initial?: "checked"): Field<string, "checked" | { value: string }> {
  return {
    read: (f, key) => f.text(key),
    check: checkText,
    initial: initial ?? { value: "" },
    store: "text",
  };
}

/** A short plain text (a unit: "EUR", "FTE"), possibly empty: required, or empty when left out. */
export function unit(): Field<string, { value: string }>;
export function unit(initial: "checked"): Field<string, "checked">;
export function unit(initial?: "checked"): Field<string, "checked" | { value: string }> {
  return { read: (f, key) => f.string(key), check: checkUnit, initial: initial ?? { value: "" } };
}

/** A plain text that may be absent (null), not co-edited (a measurement's note). */
export function optionalText(): Field<string | null, "checked"> {
  return { read: (f, key) => f.optionalText(key), check: checkOptionalText, initial: "checked" };
}

/** A number, required. */
export function number(): Field<number, "checked"> {
  return { read: (f, key) => f.number(key), check: checkNumber, initial: "checked" };
}

/** A number that may be absent (null), at least `min`. */
export function optionalNumber(min?: number): Field<number | null, "checked"> {
  return {
    read: (f, key) => f.optionalNumber(key),
    check: (key, value) => checkOptionalNumber(key, value, min),
    initial: "checked",
  };
}

/** A set of ids (stored as a `Y.Map` under `storedAs`): empty on a new entry, or required and non-empty. */
export function idSet(storedAs: string): Field<string[], { value: string[] }>;
export function idSet(storedAs: string, initial: "checked"): Field<string[], "checked">;
export function idSet(
  storedAs: string,
  initial?: "checked",
): Field<string[], "checked" | { value: string[] }> {
  return {
    read: (f, key) => f.idSet(key),
    check: (key, value) => checkRefList(key, value, initial === "checked"),
    initial: initial ?? { value: [] },
    store: "idSet",
    storedAs,
  };
}

/** An id of a user, an organization or an item: required, or the author's when left out. */
export function ref<I extends "checked" | "author">(initial: I): Field<string, I> {
  return { read: (f, key) => f.ref(key), check: checkRef, initial };
}

/** An id that may be absent: null on a new entry (`checked`), or left out (`absent`). */
export function optionalRef<I extends "checked" | "absent">(initial: I): Field<string | null, I> {
  return { read: (f, key) => f.optionalRef(key), check: checkOptionalRef, initial };
}

/** A date (YYYY-MM-DD), required. */
export function date(): Field<IsoDate, "checked"> {
  return { read: (f, key) => f.date(key), check: checkDate, initial: "checked" };
}

/** An instant (`toISOString()`), required. */
export function dateTime(): Field<IsoDateTime, "checked"> {
  return { read: (f, key) => f.dateTime(key), check: checkDateTime, initial: "checked" };
}

/** A date (YYYY-MM-DD) that may be absent (null). */
export function optionalDate(): Field<IsoDate | null, "checked"> {
  return { read: (f, key) => f.optionalDate(key), check: checkOptionalDate, initial: "checked" };
}

/** One of an `as const` list: required, or `initial` when a new entry leaves it out. */
export function oneOf<const T extends string>(values: readonly T[]): Field<T, "checked">;
export function oneOf<const T extends string>(
  values: readonly T[],
  initial: T,
): Field<T, { value: T }>;
export function oneOf<const T extends string>(
  values: readonly T[],
  initial?: T,
): Field<T, "checked" | { value: T }> {
  return {
    read: (f, key) => f.oneOf(key, values),
    check: (key, value) => checkOneOf(key, values, value),
    initial: initial === undefined ? "checked" : { value: initial },
  };
}
