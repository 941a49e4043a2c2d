import type { DocumentKind } from "@entente/domain";
import { ENTRY_LAYOUTS, type CollectionLayout } from "@entente/schema";
import * as Y from "yjs";
import type { EntryChange } from "./document-observers.js";

/** The layout of a structured document kind; `null` for rich-text kinds (charter, notes, meetings). */
export function entryLayout(kind: DocumentKind): CollectionLayout | null {
  return ENTRY_LAYOUTS[kind] ?? null;
}

/**
 * The nested collections each entry of `collection` holds (`["objectives", id, "kpis"]`:
 * a KPI's measurements); `null` when the kind has no such collection.
 */
export function nestedLayout(
  kind: DocumentKind,
  collection: readonly string[],
): CollectionLayout | null {
  let layout = entryLayout(kind);
  // A collection path alternates collection names and entry ids: objectives/o/kpis.
  for (let i = 0; layout !== null && i < collection.length; i += 2) {
    const name = collection[i] as string;
    layout = layout[name] ?? null;
  }
  return layout;
}

/**
 * A path from a document's root to something a transaction changed: the root's name, then
 * map keys (a list child ends the path with `#`).
 */
export type ChangedPath = readonly string[];

/** Any shared type, as Yjs's transaction lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SharedType = Y.AbstractType<Y.YEvent<any>>;

/** One entry a change may concern: its collection (from the root) and its id. */
interface EntryAddress {
  collection: readonly string[];
  id: string;
  layout: CollectionLayout;
}

/**
 * Lists what changed in the stamped entries of a structured document between `before` and
 * `after`: entries created, updated (their own fields whose JSON value differs; nested
 * collections are entries of their own) and deleted. An entry created or deleted with its
 * nested entries reports those too. With `touched` (paths a transaction changed, see
 * {@link changedPaths}), only the entries on those paths are compared; without it, every
 * entry is. Pure: reads both documents, writes neither (it may define root maps).
 */
export function listEntryChanges(
  kind: DocumentKind,
  before: Y.Doc,
  after: Y.Doc,
  touched?: readonly ChangedPath[],
): EntryChange[] {
  const layout = entryLayout(kind);
  if (!layout) return [];
  const addresses = touched
    ? addressesOnPaths(layout, touched, [before, after])
    : [...allAddresses(layout, before), ...allAddresses(layout, after)];
  const changes: EntryChange[] = [];
  const seen = new Set<string>();
  for (const address of addresses) compareEntry(address, before, after, changes, seen);
  return changes;
}

function addressKey(collection: readonly string[], id: string): string {
  return JSON.stringify([...collection, id]);
}

/**
 * The entries a changed path runs through, outermost first. A path that ends at a nested
 * collection (the collection itself set or deleted) concerns every entry it held or holds.
 */
function addressesOnPaths(
  layout: CollectionLayout,
  paths: readonly ChangedPath[],
  docs: readonly Y.Doc[],
): EntryAddress[] {
  const found = new Map<string, EntryAddress>();
  const add = (address: EntryAddress) => {
    const key = addressKey(address.collection, address.id);
    if (!found.has(key)) found.set(key, address);
  };
  for (const path of paths) {
    let collections = layout;
    const collection: string[] = [];
    for (let i = 0; i < path.length; i += 2) {
      const name = path[i] as string;
      const id = path[i + 1];
      const nested = collections[name];
      if (nested === undefined || id === "#") break;
      collection.push(name);
      if (id === undefined) {
        const whole: EntryAddress[] = [];
        for (const doc of docs) {
          const map = mapAt(doc, collection);
          if (map) collectEntries(map, [...collection], nested, whole);
        }
        whole.forEach(add);
        break;
      }
      add({ collection: [...collection], id, layout: nested });
      collection.push(id);
      collections = nested;
    }
  }
  return [...found.values()];
}

/** Every entry of a document, outermost first. */
function allAddresses(layout: CollectionLayout, doc: Y.Doc): EntryAddress[] {
  const addresses: EntryAddress[] = [];
  for (const [root, nested] of Object.entries(layout)) {
    const map = rootMap(doc, root);
    if (map) collectEntries(map, [root], nested, addresses);
  }
  return addresses;
}

function collectEntries(
  map: Y.Map<unknown>,
  collection: readonly string[],
  layout: CollectionLayout,
  into: EntryAddress[],
): void {
  for (const [id, entry] of map.entries()) {
    into.push({ collection, id, layout });
    if (!(entry instanceof Y.Map)) continue;
    for (const [name, nested] of Object.entries(layout)) {
      const sub = (entry as Y.Map<unknown>).get(name);
      if (sub instanceof Y.Map) {
        collectEntries(sub as Y.Map<unknown>, [...collection, id, name], nested, into);
      }
    }
  }
}

/** A root map without creating a clash: `null` when the root is absent or not a map. */
function rootMap(doc: Y.Doc, name: string): Y.Map<unknown> | null {
  if (!doc.share.has(name)) return null;
  try {
    return doc.getMap<unknown>(name);
  } catch {
    return null;
  }
}

/** The map at a path of map keys from the root; `null` when absent or not a map. */
function mapAt(doc: Y.Doc, path: readonly string[]): Y.Map<unknown> | null {
  const [root, ...rest] = path;
  let map: Y.Map<unknown> | null = root === undefined ? null : rootMap(doc, root);
  for (const key of rest) {
    if (!map) return null;
    const next = map.get(key);
    map = next instanceof Y.Map ? (next as Y.Map<unknown>) : null;
  }
  return map;
}

/** The value at an entry's address, `undefined` when absent (or its collection is). */
function entryAt(doc: Y.Doc, collection: readonly string[], id: string): unknown {
  return mapAt(doc, collection)?.get(id);
}

/** An entry's own fields as JSON; nested collections left out. Not a map: `{ value }`. */
function entryJson(value: unknown, layout: CollectionLayout): Record<string, unknown> | null {
  if (value === undefined) return null;
  if (!(value instanceof Y.Map)) return { value: toJson(value) };
  const json: Record<string, unknown> = {};
  for (const [key, field] of (value as Y.Map<unknown>).entries()) {
    if (key in layout) continue;
    json[key] = toJson(field);
  }
  return json;
}

function toJson(value: unknown): unknown {
  return value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value;
}

function compareEntry(
  address: EntryAddress,
  before: Y.Doc,
  after: Y.Doc,
  changes: EntryChange[],
  seen: Set<string>,
): void {
  const key = addressKey(address.collection, address.id);
  if (seen.has(key)) return;
  seen.add(key);
  const old = entryAt(before, address.collection, address.id);
  const now = entryAt(after, address.collection, address.id);
  const was = entryJson(old, address.layout);
  const is = entryJson(now, address.layout);
  if (was === null && is === null) return;
  // Replaced by another Y.Map under the same id: the old entry is gone, a new one stands.
  const replaced =
    old instanceof Y.Map && now instanceof Y.Map && old._item !== null && now._item !== null
      ? !sameItem(old._item.id, now._item.id)
      : false;
  if (was !== null && is !== null && !replaced) {
    const fields = changedFields(was, is);
    if (fields.length > 0) {
      changes.push({
        collection: address.collection,
        entryId: address.id,
        kind: "updated",
        fields,
        before: was,
        after: is,
      });
    }
    return;
  }
  const entry = (kind: EntryChange["kind"], json: Record<string, unknown>): EntryChange => ({
    collection: address.collection,
    entryId: address.id,
    kind,
    fields: Object.keys(json),
    before: kind === "deleted" ? json : null,
    after: kind === "created" ? json : null,
  });
  if (was !== null) {
    changes.push(entry("deleted", was));
    nestedAddresses(address, old).forEach((n) => compareEntry(n, before, after, changes, seen));
  }
  if (is !== null) {
    changes.push(entry("created", is));
    nestedAddresses(address, now).forEach((n) => compareEntry(n, before, after, changes, seen));
  }
}

function sameItem(a: Y.ID, b: Y.ID): boolean {
  return a.client === b.client && a.clock === b.clock;
}

/** The entries of an entry's nested collections, in one document. */
function nestedAddresses(address: EntryAddress, value: unknown): EntryAddress[] {
  if (!(value instanceof Y.Map)) return [];
  const addresses: EntryAddress[] = [];
  for (const [name, nested] of Object.entries(address.layout)) {
    const sub = (value as Y.Map<unknown>).get(name);
    if (sub instanceof Y.Map) {
      collectEntries(
        sub as Y.Map<unknown>,
        [...address.collection, address.id, name],
        nested,
        addresses,
      );
    }
  }
  return addresses;
}

function changedFields(was: Record<string, unknown>, is: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(was), ...Object.keys(is)]);
  return [...keys].filter((key) => !jsonEqual(was[key], is[key]));
}

/** Deep equality of JSON values, without regard to the order of object keys. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((value, i) => jsonEqual(value, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => key in right && jsonEqual(left[key], right[key]));
}

/**
 * Records the paths each transaction of `doc` changes while `apply` runs (for
 * {@link listEntryChanges}'s `touched`), and returns them.
 */
export function changedPaths(doc: Y.Doc, apply: () => void): ChangedPath[] {
  const paths: ChangedPath[] = [];
  const onTransaction = (transaction: Y.Transaction) => {
    const roots = new Map<SharedType, string>();
    for (const [name, type] of doc.share) roots.set(type, name);
    for (const [type, keys] of transaction.changed) {
      const base = pathOf(type, roots);
      if (!base) continue;
      for (const key of keys) paths.push(key === null ? base : [...base, key]);
    }
  };
  doc.on("afterTransaction", onTransaction);
  try {
    apply();
  } finally {
    doc.off("afterTransaction", onTransaction);
  }
  return paths;
}

/** The path of a shared type from its root; `null` when it hangs from nothing known. */
function pathOf(type: SharedType, roots: ReadonlyMap<SharedType, string>): string[] | null {
  const path: string[] = [];
  let current: SharedType | null = type;
  for (let depth = 0; current !== null && depth < 64; depth++) {
    const item: Y.Item | null = current._item;
    if (item === null) {
      const name = roots.get(current);
      return name === undefined ? null : [name, ...path.reverse()];
    }
    // Below a list child the path stops mattering for entries: mark it and go on up.
    path.push(item.parentSub ?? "#");
    current = item.parent instanceof Y.AbstractType ? (item.parent as SharedType) : null;
  }
  return null;
}
