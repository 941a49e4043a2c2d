import {
  KPIS_KEY,
  MEASUREMENTS_KEY,
  META_ROOT,
  SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
  STAMP_KEYS,
  TARGET_CHANGE_STAMP_KEYS,
  TARGET_HISTORY_KEY,
} from "@entente/schema";
import * as Y from "yjs";
import type { EntryChange } from "./document-observers.js";
import { jsonEqual } from "./entry-diff.js";
import type { UpdateStamp } from "./update-log.js";

/**
 * How far a stamp's time (`createdAt`, a target change's `changedAt`) may be from the
 * server's clock, either way. A genuine client stamps "now"; one that edited offline for
 * longer than this has its update refused (docs/SYNC.md, "The content guard").
 */
export const STAMP_CLOCK_WINDOW_MS = 5 * 60 * 1000;

/** What one client update is about to do, as worked out on a copy of the document. */
export interface ContentCandidate {
  changes: readonly EntryChange[];
  /** The document as it is (the room's). */
  before: Y.Doc;
  /** The document as the update would make it (a copy). */
  after: Y.Doc;
}

/**
 * Decides on the meaning of a client's update to a structured document: `null` to accept
 * it, else why it is refused. The sender is who the server knows is behind the socket.
 * Refused: an entry created with a stamp naming anyone but the sender, or under an id its
 * collection had before; a stamp field of an existing entry changed or deleted; any
 * change to the target history of an existing KPI (only the server appends to it); a
 * measurement changed or deleted (unless its KPI or objective goes with it); any write to
 * `meta` but the very first stamp of the current schema version.
 */
export function refuseContent(
  candidate: ContentCandidate,
  sender: UpdateStamp,
  now: number,
): string | null {
  const deleted = new Set(
    candidate.changes
      .filter((change) => change.kind === "deleted")
      .map((change) => entryKey(change.collection, change.entryId)),
  );
  for (const change of candidate.changes) {
    const reason = refuseChange(change, candidate, sender, now, deleted);
    if (reason)
      return `${change.kind} ${[...change.collection, change.entryId].join("/")}: ${reason}`;
  }
  return refuseMetaWrite(candidate.before, candidate.after);
}

function entryKey(collection: readonly string[], id: string): string {
  return JSON.stringify([...collection, id]);
}

function isMeasurement(change: EntryChange): boolean {
  return change.collection.at(-1) === MEASUREMENTS_KEY;
}

function isKpi(change: EntryChange): boolean {
  return change.collection.at(-1) === KPIS_KEY;
}

function refuseChange(
  change: EntryChange,
  candidate: ContentCandidate,
  sender: UpdateStamp,
  now: number,
  deleted: ReadonlySet<string>,
): string | null {
  switch (change.kind) {
    case "created": {
      const after = change.after ?? {};
      const stamp = refuseStamp(after, STAMP_KEYS, sender, now);
      if (stamp) return stamp;
      if (idKnownBefore(candidate.before, change.collection, change.entryId)) {
        return "its id was used before (an id is never reused)";
      }
      if (isKpi(change)) {
        return refuseTargetHistory(undefined, kpiHistory(candidate.after, change), sender, now);
      }
      return null;
    }
    case "updated": {
      const stampField = change.fields.find((field) =>
        (STAMP_KEYS as readonly string[]).includes(field),
      );
      if (stampField) return `its stamp (${stampField}) cannot change`;
      if (isMeasurement(change)) return "a measurement cannot change once written";
      if (isKpi(change) && change.fields.includes(TARGET_HISTORY_KEY)) {
        return refuseTargetHistory(
          kpiHistory(candidate.before, change),
          kpiHistory(candidate.after, change),
          sender,
          now,
          stateOf(candidate.before),
        );
      }
      return null;
    }
    case "deleted":
      if (isMeasurement(change) && !parentDeleted(change, deleted)) {
        return "a measurement cannot be deleted (append-only history)";
      }
      return null;
  }
}

/** Whether an entry that holds this one (its KPI, its objective) is deleted by the same update. */
function parentDeleted(change: EntryChange, deleted: ReadonlySet<string>): boolean {
  // A collection path alternates collection names and entry ids: objectives/o/kpis/k/measurements.
  for (let end = change.collection.length - 1; end >= 2; end -= 2) {
    const parent = change.collection.slice(0, end - 1);
    const id = change.collection[end - 1] as string;
    if (deleted.has(entryKey(parent, id))) return true;
  }
  return false;
}

/**
 * Whether `record` is stamped by the sender: `by` names the user field, organization field
 * and time field, in that order.
 */
function refuseStamp(
  record: Record<string, unknown>,
  [userField, organizationField, timeField]: readonly [string, string, string],
  sender: UpdateStamp,
  now: number,
): string | null {
  if (sender.userId === null || record[userField] !== sender.userId) {
    return `${userField} is not the sender`;
  }
  if (sender.organizationId === null || record[organizationField] !== sender.organizationId) {
    return `${organizationField} is not the sender's organization`;
  }
  const at = record[timeField];
  const time = typeof at === "string" ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(time) || Math.abs(time - now) > STAMP_CLOCK_WINDOW_MS) {
    return `${timeField} is not the server's time`;
  }
  return null;
}

/** The Y.Map holding an entry's collection, in `doc`; `null` when absent. */
function collectionIn(doc: Y.Doc, collection: readonly string[]): Y.Map<unknown> | null {
  const [root, ...rest] = collection;
  if (root === undefined || !doc.share.has(root)) return null;
  let map: unknown;
  try {
    map = doc.getMap<unknown>(root);
  } catch {
    return null;
  }
  for (const key of rest) {
    map = map instanceof Y.Map ? (map as Y.Map<unknown>).get(key) : undefined;
  }
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : null;
}

/**
 * Whether the collection had an entry under `id` before, live or deleted: Yjs keeps the
 * last item written under every key of a map (deleted ones too, through compaction) in
 * its internal `_map`.
 */
function idKnownBefore(before: Y.Doc, collection: readonly string[], id: string): boolean {
  return collectionIn(before, collection)?._map.has(id) ?? false;
}

function kpiHistory(doc: Y.Doc, change: EntryChange): unknown {
  return collectionIn(doc, change.collection)?.get(change.entryId);
}

function stateOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/**
 * The one rule of a KPI's target history (`targetHistory`, a Y.Array of target changes):
 * a client writes it only when it creates the KPI, with entries stamped by the sender
 * (`changedBy`, `organizationId`, `changedAt` within {@link STAMP_CLOCK_WINDOW_MS}). Once
 * the KPI exists, only the server appends to it (a new target is a proposal the owning
 * organizations agree to: docs/API.md, "KPI targets"), so a client's update that adds,
 * removes, reorders or rewrites entries, or replaces the array, is refused.
 * `before`/`after` are the KPI entries (Y.Map) or undefined for a new KPI.
 */
export function refuseTargetHistory(
  beforeKpi: unknown,
  afterKpi: unknown,
  sender: UpdateStamp,
  now: number,
  beforeState: ReadonlyMap<number, number> = new Map(),
): string | null {
  const before =
    beforeKpi instanceof Y.Map ? (beforeKpi as Y.Map<unknown>).get(TARGET_HISTORY_KEY) : undefined;
  const after =
    afterKpi instanceof Y.Map ? (afterKpi as Y.Map<unknown>).get(TARGET_HISTORY_KEY) : undefined;
  if (!(after instanceof Y.Array)) {
    return before === undefined && after === undefined ? null : "the target history is not a list";
  }
  const isNew = (item: Y.Item) => item.id.clock >= (beforeState.get(item.id.client) ?? 0);
  if (before !== undefined) {
    if (!(before instanceof Y.Array) || after._item === null || before._item === null) {
      return "the target history was replaced";
    }
    if (!sameId(before._item.id, after._item.id)) return "the target history was replaced";
  }
  const kept: unknown[] = [];
  for (let item = after._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const values = item.content.getContent() as unknown[];
    if (!isNew(item)) {
      kept.push(...values);
      continue;
    }
    // Two keys: the target of an existing KPI changes through the server's proposals only.
    if (beforeKpi instanceof Y.Map) {
      return "only the server changes an existing KPI's target (propose it instead)";
    }
    for (const value of values) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return "a target change is not a record";
      }
      const stamp = refuseStamp(
        value as Record<string, unknown>,
        TARGET_CHANGE_STAMP_KEYS,
        sender,
        now,
      );
      if (stamp) return `a target change's ${stamp}`;
    }
  }
  const had = before instanceof Y.Array ? (before.toArray() as unknown[]) : [];
  if (!jsonEqual(kept, had)) return "target changes were removed, reordered or rewritten";
  return null;
}

function sameId(a: Y.ID, b: Y.ID): boolean {
  return a.client === b.client && a.clock === b.clock;
}

/**
 * Only the server migrates: a client may write `meta` only to stamp the current schema
 * version on a document that has none (every writer of packages/schema does on its first
 * write; two peers stamping at once write the same value).
 */
function refuseMetaWrite(before: Y.Doc, after: Y.Doc): string | null {
  const was = metaJson(before);
  const is = metaJson(after);
  if (jsonEqual(was, is)) return null;
  const { [SCHEMA_VERSION_KEY]: oldVersion, ...oldRest } = was;
  const { [SCHEMA_VERSION_KEY]: newVersion, ...newRest } = is;
  if (oldVersion === undefined && newVersion === SCHEMA_VERSION && jsonEqual(oldRest, newRest)) {
    return null;
  }
  return `meta is the server's to write (only the first stamp of schema version ${SCHEMA_VERSION} is a client's)`;
}

function metaJson(doc: Y.Doc): Record<string, unknown> {
  const meta = collectionIn(doc, [META_ROOT]);
  return meta ? meta.toJSON() : {};
}
