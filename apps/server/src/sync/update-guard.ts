import * as Y from "yjs";
import type { DocumentShape } from "./document-shape.js";

/**
 * Bounds on one Yjs update (format v1, as y-websocket sends it) received from a client.
 * Normal editing stays far below every one of them; see {@link DEFAULT_UPDATE_LIMITS}.
 */
export interface UpdateLimits {
  /** Largest update, in bytes. */
  maxBytes: number;
  /** Most structs (items, garbage-collected ranges, skipped ranges) in one update. */
  maxStructs: number;
  /** Most distinct client ids, counting the structs and the delete set. */
  maxClients: number;
  /** Most ranges in the delete set. */
  maxDeleteRanges: number;
  /**
   * Clocks stay below this: where a struct or a deleted range ends, and every id an item
   * refers to. A clock counts what one client id ever inserted, so real ones stay small.
   */
  maxClock: number;
  /**
   * Most items inserted at the very same position (same left and right neighbour, or the
   * same new map key). Yjs orders such siblings by scanning all of them for each one, so a
   * flood of them costs quadratic time; one client id can only ever create one per position.
   */
  maxItemsAtOnePosition: number;
  /** Most distinct root-level shared types (`doc.get(name)`) one update may touch. */
  maxRootTypes: number;
  /** Most subdocuments one update may embed: each becomes a Y.Doc on the server. */
  maxSubdocuments: number;
}

/**
 * The limits used when none are given. A live edit is a few dozen bytes and structs; a
 * client re-sending a long offline session stays well within them. `maxStructs` is the
 * one that bounds CPU: integrating an update is worst-case quadratic in its items (Yjs
 * scans concurrent siblings for each one): a hostile update that passes every other check
 * takes Yjs about a second at 20 000 structs, and tens of seconds at 100 000.
 */
export const DEFAULT_UPDATE_LIMITS: Readonly<UpdateLimits> = Object.freeze({
  maxBytes: 1024 * 1024,
  maxStructs: 20_000,
  maxClients: 10_000,
  maxDeleteRanges: 100_000,
  maxClock: 2 ** 30,
  maxItemsAtOnePosition: 64,
  maxRootTypes: 64,
  // Entente documents have none.
  maxSubdocuments: 0,
});

export type UpdateCheck = { ok: true } | { ok: false; reason: string };

/**
 * Decides whether an update from an untrusted client may be applied to the server's
 * document, without applying it. It rejects what would make `Y.applyUpdate` allocate or
 * loop far beyond the update's size (yjs/yjs#687 and its v1 relatives: declared counts
 * the bytes cannot hold, huge clock ranges, subdocument and root-type floods, position
 * conflict floods), and what Yjs would apply only partly before throwing (a cut-off
 * delete set, an item referring to its own client's future). Runs in time linear in the
 * update's size; call it on every update before `Y.applyUpdate`.
 *
 * It also refuses values no client of ours writes, which readers serving both sides could
 * choke on: a `BigInt` anywhere, and with the document's `shape`, a root-level shared type
 * the document kind does not have, and a shared type as a rich-text attribute.
 */
export function checkUntrustedUpdate(
  update: Uint8Array,
  limits: Partial<UpdateLimits> = {},
  shape?: DocumentShape,
): UpdateCheck {
  const bounds: UpdateLimits = { ...DEFAULT_UPDATE_LIMITS, ...limits };
  if (update.byteLength > bounds.maxBytes) {
    return rejected(`update is ${update.byteLength} bytes, over the ${bounds.maxBytes}-byte limit`);
  }
  try {
    new UpdateScanner(update, bounds, shape).scan();
  } catch (error) {
    if (error instanceof Rejection) return rejected(error.message);
    throw error;
  }
  // The scan checked the shape and the bounds; Yjs's own decoder has the last word on
  // content (UTF-8, JSON) before its integration step could apply part of the update.
  try {
    Y.decodeUpdate(update);
  } catch (error) {
    return rejected(`Yjs cannot decode the update: ${String(error)}`);
  }
  return { ok: true };
}

function rejected(reason: string): UpdateCheck {
  return { ok: false, reason };
}

class Rejection extends Error {}

function reject(reason: string): never {
  throw new Rejection(reason);
}

// Update format v1 (yjs src/utils/encoding.js, UpdateDecoderV1, lib0 decoding).
const GC_INFO = 0;
const SKIP_INFO = 10;
const CONTENT_MASK = 0b1_1111;
const HAS_PARENT_SUB = 0b10_0000;
const HAS_RIGHT_ORIGIN = 0b100_0000;
const HAS_ORIGIN = 0b1000_0000;
const Content = {
  Deleted: 1,
  Json: 2,
  Binary: 3,
  String: 4,
  Embed: 5,
  Format: 6,
  Type: 7,
  Any: 8,
  Doc: 9,
} as const;
const XML_ELEMENT_TYPE = 3;
const XML_HOOK_TYPE = 5;
const LAST_TYPE_REF = 6;
/** 2^53 fits in eight var-uint bytes; Yjs never writes a longer (padded) one. */
const MAX_VAR_UINT_BYTES = 8;
/** Deepest nesting of an embedded value (lib0 `writeAny`): JSON from an editor is shallow. */
const MAX_VALUE_DEPTH = 64;

/** What an item is a child of, as far as this update tells. */
const Kind = {
  /** Known only through its neighbours; not looked at yet. */
  Inherited: 0,
  ListChild: 1,
  MapEntry: 2,
  /** A GC or skip range, or a neighbour outside this update. */
  Unknown: 3,
  Visiting: 4,
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];

interface ItemRef {
  client: number;
  clock: number;
}

interface Position {
  a: number;
  b: number;
  c: number;
  d: number;
  count: number;
  next: Position | undefined;
}

interface StructRecord {
  start: number;
  end: number;
  kind: Kind;
  origin: ItemRef | null;
  rightOrigin: ItemRef | null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

class UpdateScanner {
  private pos = 0;
  private structCount = 0;
  private deleteRanges = 0;
  private subdocuments = 0;
  private readonly clients = new Set<number>();
  private readonly rootTypes = new Set<string>();
  /** Items between two neighbours, by a hash of the neighbours' ids. */
  private readonly betweenNeighbours = new Map<number, Position>();
  /** Items without neighbours, by parent and map key. */
  private readonly firstInParent = new Map<string, number>();
  private readonly structsByClient = new Map<number, StructRecord[]>();
  /** Items with a right origin whose parent kind was not known when they were read. */
  private readonly unresolved: StructRecord[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: UpdateLimits,
    private readonly shape: DocumentShape | undefined,
  ) {}

  scan(): void {
    const sections = this.count("struct sections", 3);
    for (let i = 0; i < sections; i++) this.structSection();
    const deleteClients = this.count("delete-set clients", 2);
    for (let i = 0; i < deleteClients; i++) this.deleteSection();
    if (this.pos !== this.bytes.length) {
      reject(`${this.bytes.length - this.pos} bytes follow the delete set`);
    }
    this.checkRightOrigins();
  }

  private structSection(): void {
    const count = this.count("structs", 2);
    this.structCount += count;
    if (this.structCount > this.limits.maxStructs) {
      reject(`update has over ${this.limits.maxStructs} structs`);
    }
    const client = this.varUint();
    if (this.structsByClient.has(client)) {
      reject(`client ${client} has two struct sections (Yjs would drop the first)`);
    }
    this.addClient(client);
    const records: StructRecord[] = [];
    this.structsByClient.set(client, records);
    let clock = this.clock(this.varUint(), `client ${client}'s first struct`);
    for (let i = 0; i < count; i++) {
      const info = this.byte();
      const record =
        info === GC_INFO || info === SKIP_INFO
          ? this.range(client, clock)
          : this.item(client, clock, info);
      clock = record.end;
      records.push(record);
    }
  }

  /** A garbage-collected or skipped clock range. */
  private range(client: number, clock: number): StructRecord {
    const length = this.varUint();
    return {
      start: clock,
      end: this.structEnd(client, clock, length),
      kind: Kind.Unknown,
      origin: null,
      rightOrigin: null,
    };
  }

  private item(client: number, clock: number, info: number): StructRecord {
    const content = info & CONTENT_MASK;
    if (content === GC_INFO || content === SKIP_INFO || content > Content.Doc) {
      reject(`struct (${client}, ${clock}) has unknown kind ${info}`);
    }
    if (
      content === Content.Type &&
      info & HAS_PARENT_SUB &&
      this.shape &&
      !this.shape.sharedTypesInMaps
    ) {
      reject(`struct (${client}, ${clock}) nests a shared type inside an attribute`);
    }
    const origin = info & HAS_ORIGIN ? this.itemRef(client, clock) : null;
    const rightOrigin = info & HAS_RIGHT_ORIGIN ? this.itemRef(client, clock) : null;
    let kind: Kind;
    if (origin === null && rightOrigin === null) {
      // Without neighbours the parent and map key are written out.
      let parent: string;
      if (this.varUint() === 1) {
        const name = this.string();
        if (this.shape && !this.shape.isKnownRoot(name)) {
          reject(`update writes a root type "${name}" this kind of document does not have`);
        }
        this.rootTypes.add(name);
        if (this.rootTypes.size > this.limits.maxRootTypes) {
          reject(`update touches over ${this.limits.maxRootTypes} root types`);
        }
        parent = `root ${name}`;
      } else {
        const id = this.itemRef(client, clock);
        parent = `item ${id.client}:${id.clock}`;
      }
      const key = info & HAS_PARENT_SUB ? this.string() : null;
      kind = key === null ? Kind.ListChild : Kind.MapEntry;
      const position = key === null ? parent : `${parent}\u0000${key}`;
      const siblings = (this.firstInParent.get(position) ?? 0) + 1;
      this.firstInParent.set(position, siblings);
      if (siblings > this.limits.maxItemsAtOnePosition) this.tooManyAtOnePosition();
    } else {
      this.countBetween(origin, rightOrigin);
      // Yjs takes the parent from the left neighbour, else from the right one.
      kind = this.kindOf((origin ?? rightOrigin) as ItemRef);
      if (rightOrigin !== null && kind === Kind.MapEntry) this.mapEntryWithRightOrigin();
    }
    const record: StructRecord = { start: clock, end: clock, kind, origin, rightOrigin };
    if (rightOrigin !== null && kind === Kind.Inherited) this.unresolved.push(record);
    record.end = this.structEnd(client, clock, this.content(content));
    return record;
  }

  /** Counts an item inserted between two neighbours (one may be missing). */
  private countBetween(origin: ItemRef | null, rightOrigin: ItemRef | null): void {
    const a = origin?.client ?? -1;
    const b = origin?.clock ?? -1;
    const c = rightOrigin?.client ?? -1;
    const d = rightOrigin?.clock ?? -1;
    const hash = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(c ^ d, 0xc2b2ae35);
    const first = this.betweenNeighbours.get(hash);
    for (let p = first; p !== undefined; p = p.next) {
      if (p.a === a && p.b === b && p.c === c && p.d === d) {
        p.count += 1;
        if (p.count > this.limits.maxItemsAtOnePosition) this.tooManyAtOnePosition();
        return;
      }
    }
    this.betweenNeighbours.set(hash, { a, b, c, d, count: 1, next: first });
  }

  private tooManyAtOnePosition(): never {
    return reject(`over ${this.limits.maxItemsAtOnePosition} items are inserted at one position`);
  }

  private mapEntryWithRightOrigin(): never {
    return reject("a map entry has a right origin, which Yjs never writes");
  }

  /**
   * The parent kind of the item holding `ref`, as far as known now: a client whose section
   * was read has all its structs of this update in it; other clients' sections may follow.
   */
  private kindOf(ref: ItemRef): Kind {
    const records = this.structsByClient.get(ref.client);
    if (records === undefined) return Kind.Inherited;
    return findRecord(records, ref.clock)?.kind ?? Kind.Unknown;
  }

  /** Reads an item's content and returns its length in clock ticks. */
  private content(content: number): number {
    switch (content) {
      case Content.Deleted:
        return this.varUint();
      case Content.Json: {
        const count = this.count("JSON values", 1);
        for (let i = 0; i < count; i++) this.skipString();
        return count;
      }
      case Content.Binary:
        this.skipString();
        return 1;
      case Content.String:
        return this.utf16Length();
      case Content.Embed:
        this.skipString();
        return 1;
      case Content.Format:
        this.skipString();
        this.skipString();
        return 1;
      case Content.Type: {
        const typeRef = this.varUint();
        if (typeRef > LAST_TYPE_REF) reject(`unknown shared type ${typeRef}`);
        if (typeRef === XML_ELEMENT_TYPE || typeRef === XML_HOOK_TYPE) this.skipString();
        return 1;
      }
      case Content.Any: {
        const count = this.count("values", 1);
        for (let i = 0; i < count; i++) this.value(0);
        return count;
      }
      default:
        this.subdocuments += 1;
        if (this.subdocuments > this.limits.maxSubdocuments) {
          reject(
            this.limits.maxSubdocuments === 0
              ? "update embeds a subdocument"
              : `update embeds over ${this.limits.maxSubdocuments} subdocuments`,
          );
        }
        this.skipString();
        this.value(0);
        return 1;
    }
  }

  /** Skips one value in lib0's `writeAny` encoding. */
  private value(depth: number): void {
    if (depth > MAX_VALUE_DEPTH) reject(`a value nests deeper than ${MAX_VALUE_DEPTH} levels`);
    const type = this.byte();
    switch (type) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        return;
      case 125: // var-int
        this.varInt();
        return;
      case 124: // float32
        this.skip(4);
        return;
      case 123: // float64
        this.skip(8);
        return;
      case 122: // bigint64: no client of ours writes one, and JSON readers throw on it
        return reject("a value is a BigInt");
      case 119: // string
      case 116: // Uint8Array
        this.skipString();
        return;
      case 118: {
        const entries = this.count("object entries", 2);
        for (let i = 0; i < entries; i++) {
          this.skipString();
          this.value(depth + 1);
        }
        return;
      }
      case 117: {
        const elements = this.count("array elements", 1);
        for (let i = 0; i < elements; i++) this.value(depth + 1);
        return;
      }
      default:
        reject(`unknown value type ${type}`);
    }
  }

  private deleteSection(): void {
    const client = this.varUint();
    this.addClient(client);
    const ranges = this.count("deleted ranges", 2);
    this.deleteRanges += ranges;
    if (this.deleteRanges > this.limits.maxDeleteRanges) {
      reject(`delete set has over ${this.limits.maxDeleteRanges} ranges`);
    }
    for (let i = 0; i < ranges; i++) {
      const clock = this.varUint();
      const length = this.varUint();
      // Yjs throws on an empty range only after it applied the structs before it.
      if (length === 0) reject(`client ${client}'s deleted range at clock ${clock} is empty`);
      if (clock + length > this.limits.maxClock) {
        reject(`a deleted range ends at clock ${clock + length}, over ${this.limits.maxClock}`);
      }
    }
  }

  /**
   * Yjs never gives a map entry a right origin (map writes and their redos insert at the
   * end of the key's history). Such an item makes Yjs walk the key's whole history for
   * each one, which costs cubic time over one update. Its map-ness shows only through its
   * neighbours, so follow them within the update.
   */
  private checkRightOrigins(): void {
    for (const record of this.unresolved) {
      if (this.resolveKind(record) === Kind.MapEntry) this.mapEntryWithRightOrigin();
    }
  }

  /** An item's parent kind is its left neighbour's, or else its right neighbour's. */
  private resolveKind(record: StructRecord): Kind {
    const path: StructRecord[] = [];
    let current: StructRecord | undefined = record;
    let kind: Kind = Kind.Unknown;
    while (current !== undefined) {
      if (current.kind !== Kind.Inherited) {
        // Visiting means a cycle of neighbours: Yjs would leave it pending.
        if (current.kind !== Kind.Visiting) kind = current.kind;
        break;
      }
      current.kind = Kind.Visiting;
      path.push(current);
      const neighbour: ItemRef | null = current.origin ?? current.rightOrigin;
      current = neighbour === null ? undefined : this.find(neighbour);
    }
    for (const visited of path) visited.kind = kind;
    return kind;
  }

  private find({ client, clock }: ItemRef): StructRecord | undefined {
    const records = this.structsByClient.get(client);
    return records === undefined ? undefined : findRecord(records, clock);
  }

  /** Reads an id an item refers to; its own client's ids must already exist. */
  private itemRef(client: number, clock: number): ItemRef {
    const ref = { client: this.varUint(), clock: this.varUint() };
    if (ref.clock >= this.limits.maxClock) {
      reject(
        `item (${client}, ${clock}) refers to clock ${ref.clock}, over ${this.limits.maxClock}`,
      );
    }
    // Yjs finds such an id only after integrating part of the update, then throws.
    if (ref.client === client && ref.clock >= clock) {
      reject(
        `item (${client}, ${clock}) refers to (${ref.client}, ${ref.clock}), which is not older`,
      );
    }
    return ref;
  }

  private structEnd(client: number, clock: number, length: number): number {
    if (length === 0) reject(`struct (${client}, ${clock}) is empty`);
    return this.clock(clock + length, `struct (${client}, ${clock})`);
  }

  private clock(clock: number, what: string): number {
    if (clock > this.limits.maxClock) {
      reject(`${what} reaches clock ${clock}, over ${this.limits.maxClock}`);
    }
    return clock;
  }

  private addClient(client: number): void {
    this.clients.add(client);
    if (this.clients.size > this.limits.maxClients) {
      reject(`update names over ${this.limits.maxClients} clients`);
    }
  }

  /**
   * Reads a declared count and checks the rest of the update can hold that many entries
   * of at least `minBytes` each. Yjs allocates by the declared count before reading
   * (`new Array(numberOfStructs)`): a 7-byte update declaring 2^25 structs costs 270 MB.
   */
  private count(what: string, minBytes: number): number {
    const count = this.varUint();
    const room = Math.floor((this.bytes.length - this.pos) / minBytes);
    if (count > room) reject(`update declares ${count} ${what} but has room for ${room}`);
    return count;
  }

  private byte(): number {
    const byte = this.bytes[this.pos];
    if (byte === undefined) reject("update ends early");
    this.pos += 1;
    return byte;
  }

  private varUint(): number {
    let value = 0;
    let scale = 1;
    for (let read = 1; read <= MAX_VAR_UINT_BYTES; read++) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (value > Number.MAX_SAFE_INTEGER) reject("a number is over 2^53");
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
    return reject(`a number is longer than ${MAX_VAR_UINT_BYTES} bytes`);
  }

  /** lib0's var-int: sign and six bits in the first byte, then var-uint style. */
  private varInt(): void {
    if ((this.byte() & 0x80) !== 0) this.varUint();
  }

  private skip(length: number): void {
    if (length > this.bytes.length - this.pos) reject("update ends early");
    this.pos += length;
  }

  private skipString(): void {
    this.skip(this.varUint());
  }

  private string(): string {
    const length = this.varUint();
    const start = this.pos;
    this.skip(length);
    try {
      return utf8.decode(this.bytes.subarray(start, start + length));
    } catch {
      return reject("a name is not valid UTF-8");
    }
  }

  /** A string's length as Yjs counts it (UTF-16 code units), read off its UTF-8 bytes. */
  private utf16Length(): number {
    const length = this.varUint();
    const start = this.pos;
    this.skip(length);
    let units = 0;
    for (let i = start; i < start + length; i++) {
      const byte = this.bytes[i] as number;
      // Every sequence has one lead byte; four-byte ones are surrogate pairs.
      if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
    }
    return units;
  }
}

/** The struct holding `clock` in one client's records, sorted by clock. */
function findRecord(records: readonly StructRecord[], clock: number): StructRecord | undefined {
  const last = records[records.length - 1];
  // Most items continue right after the struct read just before them.
  if (last !== undefined && clock >= last.start && clock < last.end) return last;
  let low = 0;
  let high = records.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const record = records[middle] as StructRecord;
    if (clock < record.start) high = middle - 1;
    else if (clock >= record.end) low = middle + 1;
    else return record;
  }
  return undefined;
}
