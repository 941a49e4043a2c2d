import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { CHARTER_FRAGMENT, writeCharterContent } from "@entente/editor";
import fc from "fast-check";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { checkUntrustedUpdate, DEFAULT_UPDATE_LIMITS } from "./update-guard.js";
import { mulberry32 } from "../test/seeded-random.js";

// ---------------------------------------------------------------------------------------
// Hand-written v1 updates (layout: yjs src/utils/encoding.js, UpdateDecoderV1).

type Id = readonly [client: number, clock: number];
type Write = (e: encoding.Encoder) => void;

const uint = (e: encoding.Encoder, n: number) => encoding.writeVarUint(e, n);
const id = (e: encoding.Encoder, [client, clock]: Id) => {
  uint(e, client);
  uint(e, clock);
};

/** Item contents, each with its content ref in the low five info bits. */
const content = {
  deleted: (length: number): [number, Write] => [1, (e) => uint(e, length)],
  json: (...values: string[]): [number, Write] => [
    2,
    (e) => {
      uint(e, values.length);
      for (const value of values) encoding.writeVarString(e, value);
    },
  ],
  string: (text: string): [number, Write] => [4, (e) => encoding.writeVarString(e, text)],
  type: (typeRef: number, name?: string): [number, Write] => [
    7,
    (e) => {
      uint(e, typeRef);
      if (name !== undefined) encoding.writeVarString(e, name);
    },
  ],
  any: (...values: unknown[]): [number, Write] => [
    8,
    (e) => {
      uint(e, values.length);
      for (const value of values) encoding.writeAny(e, value as never);
    },
  ],
  /** Raw bytes after the info byte, for values `writeAny` cannot produce. */
  raw: (ref: number, ...bytes: number[]): [number, Write] => [
    ref,
    (e) => {
      for (const byte of bytes) encoding.writeUint8(e, byte);
    },
  ],
  doc: (guid: string): [number, Write] => [
    9,
    (e) => {
      encoding.writeVarString(e, guid);
      encoding.writeAny(e, {});
    },
  ],
};

interface ItemSpec {
  origin?: Id;
  right?: Id;
  /** A root type name, or the id of the parent item; only written without neighbours. */
  parent?: string | Id;
  key?: string;
  content: [number, Write];
}

const item =
  ({ origin, right, parent = "default", key, content: [ref, writeContent] }: ItemSpec): Write =>
  (e) => {
    const free = origin === undefined && right === undefined;
    encoding.writeUint8(e, ref | (origin ? 0x80 : 0) | (right ? 0x40 : 0) | (key ? 0x20 : 0));
    if (origin) id(e, origin);
    if (right) id(e, right);
    if (free) {
      if (typeof parent === "string") {
        uint(e, 1);
        encoding.writeVarString(e, parent);
      } else {
        uint(e, 0);
        id(e, parent);
      }
      if (key !== undefined) encoding.writeVarString(e, key);
    }
    writeContent(e);
  };
const gc =
  (length: number): Write =>
  (e) => {
    encoding.writeUint8(e, 0);
    uint(e, length);
  };
const skip =
  (length: number): Write =>
  (e) => {
    encoding.writeUint8(e, 10);
    uint(e, length);
  };

interface Section {
  client: number;
  clock?: number;
  structs: Write[];
}

/** Builds a v1 update from struct sections, a delete set and optional trailing bytes. */
function craft(
  sections: Section[],
  deletes: [client: number, ranges: [clock: number, length: number][]][] = [],
  trailing: number[] = [],
): Uint8Array {
  const e = encoding.createEncoder();
  uint(e, sections.length);
  for (const { client, clock = 0, structs } of sections) {
    uint(e, structs.length);
    uint(e, client);
    uint(e, clock);
    for (const write of structs) write(e);
  }
  uint(e, deletes.length);
  for (const [client, ranges] of deletes) {
    uint(e, client);
    uint(e, ranges.length);
    for (const [clock, length] of ranges) {
      uint(e, clock);
      uint(e, length);
    }
  }
  for (const byte of trailing) encoding.writeUint8(e, byte);
  return encoding.toUint8Array(e);
}

const text = (s: string) => item({ content: content.string(s) });
const repeat = <T>(count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(i));

function expectRejected(update: Uint8Array, reason: RegExp | string): void {
  const result = checkUntrustedUpdate(update);
  expect(result.ok, "the guard should reject this update").toBe(false);
  if (!result.ok) expect(result.reason).toMatch(reason);
}

// ---------------------------------------------------------------------------------------
// Running Yjs on a dangerous update, in a worker that is cut off.

const yjsEntry = createRequire(import.meta.url).resolve("yjs");

type YjsOperation = "applyUpdate" | "applyUpdateV2" | "mergeUpdates" | "mergeUpdatesV2";

interface IsolatedRun {
  outcome: "returned" | "threw" | "cut off";
  /** Growth of the worker's heap while Yjs ran, in MB. */
  heapGrowthMb: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const v8 = require("node:v8");
const Y = require(workerData.yjs);
const update = new Uint8Array(workerData.update);
const before = v8.getHeapStatistics().total_heap_size;
let outcome = "returned";
try {
  switch (workerData.operation) {
    case "applyUpdate": Y.applyUpdate(new Y.Doc(), update); break;
    case "applyUpdateV2": Y.applyUpdateV2(new Y.Doc(), update); break;
    case "mergeUpdates": Y.mergeUpdates([Y.encodeStateAsUpdate(new Y.Doc()), update]); break;
    case "mergeUpdatesV2": Y.mergeUpdatesV2([Y.encodeStateAsUpdateV2(new Y.Doc()), update]); break;
  }
} catch {
  outcome = "threw";
}
const heapGrowthMb = (v8.getHeapStatistics().total_heap_size - before) / 2 ** 20;
parentPort.postMessage({ outcome, heapGrowthMb });
`;

/** Runs one Yjs operation on `update` in a worker, terminated after `timeoutMs`. */
async function runIsolated(
  operation: YjsOperation,
  update: Uint8Array,
  timeoutMs: number,
): Promise<IsolatedRun> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { yjs: yjsEntry, operation, update: [...update] },
  });
  try {
    return await new Promise<IsolatedRun>((resolve, reject) => {
      const timer = setTimeout(() => resolve({ outcome: "cut off", heapGrowthMb: 0 }), timeoutMs);
      worker.once("message", (run: IsolatedRun) => {
        clearTimeout(timer);
        resolve(run);
      });
      worker.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await worker.terminate();
  }
}

/**
 * The CPU time `run` took, in ms: the guard's work, whatever else the machine is doing (a
 * wall clock would count the time this process waited for a core on a busy CI machine).
 */
function timed<T>(run: () => T): { result: T; ms: number } {
  const start = process.cpuUsage();
  const result = run();
  const { user, system } = process.cpuUsage(start);
  return { result, ms: (user + system) / 1000 };
}

// ---------------------------------------------------------------------------------------
// What real clients send.

/** Docs that record every update they emit, kept in sync on demand. */
class Peers {
  readonly docs: Y.Doc[];
  readonly updates: Uint8Array[] = [];

  constructor(count: number) {
    this.docs = repeat(count, () => new Y.Doc());
    for (const doc of this.docs)
      doc.on("update", (update: Uint8Array) => this.updates.push(update));
  }

  /** What a y-websocket client would send in sync step 2, both ways, for every pair. */
  sync(): void {
    for (const from of this.docs) {
      for (const to of this.docs) {
        if (from === to) continue;
        const diff = Y.encodeStateAsUpdate(from, Y.encodeStateVector(to));
        this.updates.push(diff);
        Y.applyUpdate(to, diff, "remote");
      }
    }
  }

  /** Every update seen, each doc's full state, and merges of consecutive updates. */
  everything(): Uint8Array[] {
    const states = this.docs.map((doc) => Y.encodeStateAsUpdate(doc));
    // A client merges what it could not send yet; merging thousands at once is slow.
    const merges: Uint8Array[] = [];
    for (let i = 0; i < this.updates.length; i += 25) {
      merges.push(Y.mergeUpdates(this.updates.slice(i, i + 25)));
    }
    return [...this.updates, ...states, ...merges];
  }
}

const size = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc).byteLength;

function paragraphs(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(CHARTER_FRAGMENT)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
}

/** One editing step as y-prosemirror performs them on Tiptap's XML fragment. */
function editStep(doc: Y.Doc, random: () => number, round: number): void {
  const fragment = doc.getXmlFragment(CHARTER_FRAGMENT);
  const blocks = paragraphs(doc);
  const roll = random();
  if (blocks.length === 0 || roll < 0.08) {
    const block = new Y.XmlElement(random() < 0.2 ? "heading" : "paragraph");
    if (block.nodeName === "heading")
      block.setAttribute("level", String(1 + Math.floor(random() * 3)));
    block.insert(0, [new Y.XmlText(`block ${round} `)]);
    fragment.insert(Math.floor(random() * (blocks.length + 1)), [block]);
    return;
  }
  const block = blocks[Math.floor(random() * blocks.length)]!;
  const text = block.get(0);
  if (!(text instanceof Y.XmlText)) return;
  const length = text.length;
  if (roll < 0.7) {
    const at = Math.floor(random() * (length + 1));
    const word = "lorem ipsum dolor sit amet ".slice(0, 1 + Math.floor(random() * 26));
    // Typed one key at a time, as an editor does.
    for (let i = 0; i < word.length; i++) {
      text.insert(at + i, word[i]!, random() < 0.1 ? { bold: true } : undefined);
    }
  } else if (roll < 0.85 && length > 0) {
    const at = Math.floor(random() * length);
    text.delete(at, Math.min(length - at, 1 + Math.floor(random() * 8)));
  } else if (roll < 0.95 && length > 2) {
    const at = Math.floor(random() * (length - 1));
    text.format(at, 1 + Math.floor(random() * (length - at - 1)), {
      italic: random() < 0.5 ? true : null,
    });
  } else if (blocks.length > 1) {
    fragment.delete(Math.floor(random() * blocks.length), 1);
  }
}

describe("checkUntrustedUpdate: what clients send passes", () => {
  it("accepts a charter written through the Tiptap schema", () => {
    const doc = new Y.Doc();
    writeCharterContent(doc, {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Charter" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Northwind and Southpeak agree on " },
            {
              type: "text",
              text: "shared logistics",
              marks: [{ type: "bold" }, { type: "italic" }],
            },
          ],
        },
        {
          type: "bulletList",
          content: ["cold chain", "producer relationships"].map((point) => ({
            type: "listItem",
            content: [{ type: "paragraph", content: [{ type: "text", text: point }] }],
          })),
        },
        { type: "codeBlock", content: [{ type: "text", text: "const ok = true;" }] },
        {
          type: "blockquote",
          content: [{ type: "paragraph", content: [{ type: "text", text: "Trust." }] }],
        },
      ],
    });
    expect(checkUntrustedUpdate(Y.encodeStateAsUpdate(doc))).toEqual({ ok: true });
    expect(checkUntrustedUpdate(new Uint8Array([0, 0]))).toEqual({ ok: true });
  });

  it("accepts every update of a three-client editing session past 100 KB", () => {
    const random = mulberry32(687);
    const peers = new Peers(3);
    for (let round = 1; round % 50 !== 0 || size(peers.docs[0]!) < 100_000; round++) {
      editStep(peers.docs[Math.floor(random() * 3)]!, random, round);
      if (round % 7 === 0) peers.sync();
    }
    peers.sync();
    const all = peers.everything();
    expect(all.length).toBeGreaterThan(1000);
    const refused = all.map((u) => checkUntrustedUpdate(u)).filter((r) => !r.ok);
    expect(refused).toEqual([]);
  });

  it("accepts undo and redo of nested structure, text, maps and arrays", () => {
    const random = mulberry32(2026);
    const peers = new Peers(2);
    const managers = peers.docs.map(
      (doc) =>
        new Y.UndoManager(
          [doc.getXmlFragment(CHARTER_FRAGMENT), doc.getMap("meta"), doc.getArray("list")],
          { captureTimeout: 0 },
        ),
    );
    for (let round = 0; round < 400; round++) {
      const which = Math.floor(random() * 2);
      const doc = peers.docs[which]!;
      const roll = random();
      if (roll < 0.15) managers[which]!.undo();
      else if (roll < 0.25) managers[which]!.redo();
      else if (roll < 0.35) doc.getMap("meta").set(`k${Math.floor(random() * 3)}`, { round });
      else if (roll < 0.45) doc.getArray("list").insert(0, [round]);
      else editStep(doc, random, round);
      if (round % 5 === 0) peers.sync();
    }
    peers.sync();
    const refused = peers
      .everything()
      .map((u) => checkUntrustedUpdate(u))
      .filter((r) => !r.ok);
    expect(refused).toEqual([]);
  });

  it("accepts random edits of text, XML, maps and arrays by two clients (property)", () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("text" as const),
        at: fc.nat(),
        s: fc.string({ minLength: 1, maxLength: 8, unit: "grapheme" }),
      }),
      fc.record({
        kind: fc.constant("delete" as const),
        at: fc.nat(),
        n: fc.integer({ min: 1, max: 5 }),
      }),
      fc.record({
        kind: fc.constant("format" as const),
        at: fc.nat(),
        n: fc.integer({ min: 1, max: 5 }),
        bold: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant("embed" as const),
        at: fc.nat(),
        value: fc.jsonValue({ maxDepth: 3 }),
      }),
      fc.record({
        kind: fc.constant("map" as const),
        key: fc.constantFrom("a", "b", "c"),
        value: fc.jsonValue({ maxDepth: 3 }),
      }),
      fc.record({ kind: fc.constant("mapDelete" as const), key: fc.constantFrom("a", "b", "c") }),
      fc.record({
        kind: fc.constant("array" as const),
        at: fc.nat(),
        values: fc.array(fc.oneof(fc.integer(), fc.string(), fc.uint8Array({ maxLength: 4 })), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
      fc.record({
        kind: fc.constant("xml" as const),
        at: fc.nat(),
        name: fc.constantFrom("paragraph", "heading"),
        attr: fc.option(fc.string({ maxLength: 4 })),
      }),
      fc.record({ kind: fc.constant("sync" as const) }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), op), { maxLength: 40 }),
        (steps) => {
          const peers = new Peers(2);
          for (const [which, step] of steps) {
            const doc = peers.docs[which]!;
            const t = doc.getText("text");
            const arr = doc.getArray("array");
            const fragment = doc.getXmlFragment(CHARTER_FRAGMENT);
            switch (step.kind) {
              case "text":
                t.insert(step.at % (t.length + 1), step.s);
                break;
              case "delete":
                if (t.length > 0)
                  t.delete(step.at % t.length, Math.min(step.n, t.length - (step.at % t.length)));
                break;
              case "format":
                if (t.length > 0)
                  t.format(step.at % t.length, step.n, { bold: step.bold ? true : null });
                break;
              case "embed":
                t.insertEmbed(step.at % (t.length + 1), { value: step.value });
                break;
              case "map":
                doc.getMap("map").set(step.key, step.value);
                break;
              case "mapDelete":
                doc.getMap("map").delete(step.key);
                break;
              case "array":
                arr.insert(step.at % (arr.length + 1), step.values);
                break;
              case "xml": {
                const element = new Y.XmlElement(step.name);
                if (step.attr !== null) element.setAttribute("data", step.attr);
                fragment.insert(step.at % (fragment.length + 1), [element]);
                break;
              }
              case "sync":
                peers.sync();
                break;
            }
          }
          peers.sync();
          for (const update of peers.everything())
            expect(checkUntrustedUpdate(update)).toEqual({ ok: true });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("rejects an update over 1 MiB by default", () => {
    expect(DEFAULT_UPDATE_LIMITS.maxBytes).toBe(1024 * 1024);
    expect(checkUntrustedUpdate(new Uint8Array(2 * 1024 * 1024))).toEqual({
      ok: false,
      reason: "update is 2097152 bytes, over the 1048576-byte limit",
    });
  });
});

describe("checkUntrustedUpdate: each rejection", () => {
  const client = 7;
  const cases: [string, () => Uint8Array, RegExp][] = [
    ["an empty array", () => new Uint8Array(0), /ends early/],
    [
      "a cut-off update",
      () => craft([{ client, structs: [text("hello")] }]).subarray(0, 10),
      /ends early/,
    ],
    [
      "a delete set cut off (Yjs would keep the structs, then throw)",
      () => craft([{ client, structs: [text("hello")] }]).subarray(0, -1),
      /ends early/,
    ],
    [
      "bytes after the delete set",
      () => craft([{ client, structs: [text("hi")] }], [], [1, 2, 3]),
      /3 bytes follow the delete set/,
    ],
    [
      "a number padded past 8 bytes",
      () => new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0]),
      /longer than 8 bytes/,
    ],
    [
      "more struct sections than bytes (yjs#687, v1)",
      () => new Uint8Array([228, 156, 16, 0, 5, 255, 255, 5, 0, 1]),
      /declares 265828 struct sections but has room for 2/,
    ],
    [
      "2^25 structs declared in 7 bytes (Yjs would allocate 270 MB)",
      () => new Uint8Array([1, 255, 255, 255, 15, 7, 0]),
      /declares 33554431 structs but has room for 1/,
    ],
    [
      "more delete-set clients than bytes",
      () => new Uint8Array([0, 100, 1, 0]),
      /declares 100 delete-set clients/,
    ],
    [
      "more deleted ranges than bytes",
      () => new Uint8Array([0, 1, 7, 100, 0, 1]),
      /declares 100 deleted ranges/,
    ],
    [
      "more values than bytes",
      () => craft([{ client, structs: [item({ content: content.raw(8, 50, 127) })] }]),
      /declares 50 values/,
    ],
    [
      "an unknown struct kind",
      () => craft([{ client, structs: [item({ content: content.raw(11, 0) })] }]),
      /unknown kind 11/,
    ],
    [
      "a GC struct with flags",
      () => craft([{ client, structs: [item({ origin: [1, 0], content: content.raw(0, 1) })] }]),
      /unknown kind 128/,
    ],
    [
      "an unknown shared type",
      () => craft([{ client, structs: [item({ content: content.type(9) })] }]),
      /unknown shared type 9/,
    ],
    [
      "an unknown value type",
      () => craft([{ client, structs: [item({ content: content.raw(8, 1, 100) })] }]),
      /unknown value type 100/,
    ],
    [
      "a value nested 100 levels deep",
      () =>
        craft([
          {
            client,
            structs: [
              item({ content: content.raw(8, 1, ...repeat(100, () => [117, 1]).flat(), 127) }),
            ],
          },
        ]),
      /nests deeper than 64/,
    ],
    [
      "a GC range of 2^31",
      () => craft([{ client, structs: [gc(2 ** 31), text("x")] }]),
      /struct \(7, 0\) reaches clock 2147483648, over 1073741824/,
    ],
    [
      "a skipped range of 2^31",
      () => craft([{ client, structs: [skip(2 ** 31)] }]),
      /reaches clock 2147483648/,
    ],
    [
      "deleted content of 2^31",
      () => craft([{ client, structs: [item({ content: content.deleted(2 ** 31) })] }]),
      /reaches clock/,
    ],
    [
      "a section starting at clock 2^40",
      () => craft([{ client, clock: 2 ** 40, structs: [text("x")] }]),
      /first struct reaches clock 1099511627776/,
    ],
    [
      "a deleted range of 2^31",
      () => craft([], [[client, [[0, 2 ** 31]]]]),
      /deleted range ends at clock 2147483648/,
    ],
    [
      "a reference to clock 2^40",
      () =>
        craft([
          { client, structs: [item({ origin: [3, 2 ** 40], content: content.string("x") })] },
        ]),
      /refers to clock 1099511627776/,
    ],
    [
      "an empty deleted range (Yjs would throw after applying the structs)",
      () => craft([], [[client, [[3, 0]]]]),
      /deleted range at clock 3 is empty/,
    ],
    ["an empty struct", () => craft([{ client, structs: [gc(0)] }]), /struct \(7, 0\) is empty/],
    ["an empty string item", () => craft([{ client, structs: [text("")] }]), /is empty/],
    [
      "an origin in its own client's future (Yjs would apply the first item, then throw)",
      () =>
        craft([
          {
            client,
            structs: [
              text("hello"),
              item({ origin: [client, 100], content: content.string("evil") }),
            ],
          },
        ]),
      /item \(7, 5\) refers to \(7, 100\), which is not older/,
    ],
    [
      "a right origin in its own future",
      () =>
        craft([{ client, structs: [item({ right: [client, 0], content: content.string("x") })] }]),
      /refers to \(7, 0\)/,
    ],
    [
      "a parent in its own future",
      () =>
        craft([{ client, structs: [item({ parent: [client, 3], content: content.string("x") })] }]),
      /refers to \(7, 3\)/,
    ],
    [
      "two sections of one client",
      () =>
        craft([
          { client, structs: [text("a")] },
          { client, clock: 1, structs: [text("b")] },
        ]),
      /client 7 has two struct sections/,
    ],
    [
      "more structs than allowed",
      () => craft([{ client, structs: repeat(20_001, () => gc(1)) }]),
      /over 20000 structs/,
    ],
    [
      "more clients than allowed",
      () =>
        craft(
          [],
          repeat(10_001, (i) => [i, [[0, 1]]]),
        ),
      /over 10000 clients/,
    ],
    [
      "more deleted ranges than allowed",
      () => craft([], [[client, repeat(100_001, (i) => [2 * i, 1])]]),
      /over 100000 ranges/,
    ],
    [
      "65 first writes of one map key (quadratic to integrate)",
      () =>
        craft([
          {
            client,
            structs: repeat(65, () => item({ parent: "meta", key: "k", content: content.any(1) })),
          },
        ]),
      /over 64 items are inserted at one position/,
    ],
    [
      "65 inserts between the same neighbours",
      () =>
        craft([
          {
            client: 9,
            structs: repeat(65, () =>
              item({ origin: [3, 0], right: [3, 1], content: content.string("x") }),
            ),
          },
        ]),
      /over 64 items are inserted at one position/,
    ],
    [
      "65 inserts into the same empty list",
      () => craft(repeat(65, (i) => ({ client: 100 + i, structs: [text("x")] }))),
      /over 64 items are inserted at one position/,
    ],
    [
      "a map entry with a right origin",
      () =>
        craft([
          {
            client,
            structs: [
              item({ parent: "meta", key: "k", content: content.any(1) }),
              item({ origin: [client, 0], content: content.any(2) }),
              item({ right: [client, 1], content: content.any(3) }),
            ],
          },
        ]),
      /map entry has a right origin/,
    ],
    [
      "a map entry with a right origin, found through another client's section",
      () =>
        craft([
          { client: 9, structs: [item({ right: [3, 1], content: content.any(3) })] },
          {
            client: 3,
            structs: [
              item({ parent: "meta", key: "k", content: content.any(1) }),
              item({ origin: [3, 0], content: content.any(2) }),
            ],
          },
        ]),
      /map entry has a right origin/,
    ],
    [
      "65 root types",
      () =>
        craft([
          {
            client,
            structs: repeat(65, (i) => item({ parent: `root${i}`, content: content.any(1) })),
          },
        ]),
      /over 64 root types/,
    ],
    [
      "a subdocument",
      () => craft([{ client, structs: [item({ parent: "docs", content: content.doc("guid") })] }]),
      /embeds a subdocument/,
    ],
    [
      "a root name that is not UTF-8",
      () =>
        craft([{ client, structs: [item({ content: content.raw(8, 1, 127) })] }]).map((b, i) =>
          i === 7 ? 0xff : b,
        ),
      /not valid UTF-8/,
    ],
    [
      "JSON that does not parse",
      () => craft([{ client, structs: [item({ content: content.json("{oops") })] }]),
      /Yjs cannot decode/,
    ],
    [
      "text that is not UTF-8",
      () => craft([{ client, structs: [item({ content: content.raw(4, 2, 0xc3, 0x28) })] }]),
      /Yjs cannot decode/,
    ],
  ];

  it.each(cases)("rejects %s", (_name, make, reason) => {
    expectRejected(make(), reason);
  });

  it("rejects by the limits it is given", () => {
    const update = craft([{ client, structs: [text("hello"), gc(3)] }], [[client, [[0, 2]]]]);
    expect(checkUntrustedUpdate(update)).toEqual({ ok: true });
    expect(checkUntrustedUpdate(update, { maxBytes: 10 }).ok).toBe(false);
    expect(checkUntrustedUpdate(update, { maxStructs: 1 }).ok).toBe(false);
    expect(checkUntrustedUpdate(update, { maxClock: 7 }).ok).toBe(false);
    expect(checkUntrustedUpdate(update, { maxDeleteRanges: 0 }).ok).toBe(false);
    const subdoc = craft([
      { client, structs: [item({ parent: "docs", content: content.doc("g") })] },
    ]);
    expect(checkUntrustedUpdate(subdoc, { maxSubdocuments: 1 })).toEqual({ ok: true });
  });

  it("never throws, whatever the bytes (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const result = checkUntrustedUpdate(bytes);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("checkUntrustedUpdate: updates Yjs would apply only in part", () => {
  it("stops a cut-off delete set and an own-future origin that Y.applyUpdate half applies", () => {
    const whole = craft([{ client: 7, structs: [text("hello")] }]);
    const forwardOrigin = craft([
      {
        client: 7,
        structs: [text("hello"), item({ origin: [7, 100], content: content.string("evil") })],
      },
    ]);
    for (const update of [whole.subarray(0, -1), forwardOrigin]) {
      const doc = new Y.Doc();
      expect(() => Y.applyUpdate(doc, update)).toThrow();
      // Yjs threw, yet kept the first item: the server's copy would differ from storage.
      expect(doc.getText("default").toJSON()).toBe("hello");
      expect(checkUntrustedUpdate(update).ok).toBe(false);
    }
  });

  it("passes only updates that Y.applyUpdate applies without throwing (property)", () => {
    const base = new Y.Doc();
    base.clientID = 1;
    writeCharterContent(base, {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Base text." }] }],
    });
    const baseState = Y.encodeStateAsUpdate(base);
    // Valid updates of another client, to mutate.
    const editor = new Y.Doc();
    editor.clientID = 2;
    Y.applyUpdate(editor, baseState);
    const valid: Uint8Array[] = [];
    editor.on("update", (update: Uint8Array) => valid.push(update));
    const random = mulberry32(4400);
    for (let round = 0; round < 40; round++) editStep(editor, random, round);
    editor.getMap("meta").set("k", { nested: [1, "two", null] });
    valid.push(Y.encodeStateAsUpdate(editor, Y.encodeStateVector(base)));

    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant("flip" as const),
        at: fc.nat(),
        bit: fc.integer({ min: 0, max: 7 }),
      }),
      fc.record({
        kind: fc.constant("set" as const),
        at: fc.nat(),
        byte: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant("insert" as const),
        at: fc.nat(),
        byte: fc.integer({ min: 0, max: 255 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (pick, mutations) => {
          let bytes = [...valid[pick % valid.length]!];
          for (const m of mutations) {
            const at = m.at % bytes.length;
            if (m.kind === "flip") bytes[at]! ^= 1 << m.bit;
            else if (m.kind === "set") bytes[at] = m.byte;
            else if (m.kind === "cut") bytes = bytes.slice(0, at);
            else bytes.splice(at, 0, m.byte);
          }
          const update = new Uint8Array(bytes);
          if (!checkUntrustedUpdate(update).ok) return;
          const doc = new Y.Doc();
          Y.applyUpdate(doc, baseState);
          expect(() => Y.applyUpdate(doc, update)).not.toThrow();
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("checkUntrustedUpdate: yjs/yjs#687", () => {
  // Payloads from yjs's tests/limits.tests.js (pull request #688, which fixes #687).
  const fixtures: { name: string; bytes: number[]; hangs: YjsOperation }[] = [
    {
      name: "2^42 structs for the v2 struct reader",
      bytes: [
        0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 2, 0, 0, 22, 2, 0, 0, 1, 253, 255, 255, 255, 255, 127, 0,
        0,
      ],
      hangs: "mergeUpdatesV2",
    },
    {
      name: "265828 updates for the v1 merge",
      bytes: [
        228, 156, 16, 0, 5, 255, 255, 5, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 237, 0, 0, 0, 1, 1, 0, 254,
        184, 194, 233, 173, 135, 217, 18, 0, 0, 1, 1, 255, 237, 246,
      ],
      hangs: "mergeUpdates",
    },
    {
      name: "7658324286 updates for the v2 merge",
      bytes: [
        228, 149, 0, 0, 1, 24, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 237, 1, 190, 130, 227, 195, 28, 1, 2,
        228, 149, 0, 0, 1, 24, 0, 0, 1, 24, 0, 0, 1, 0, 1, 237, 0,
      ],
      hangs: "mergeUpdatesV2",
    },
    {
      name: "267854847 structs for the v2 apply",
      bytes: [
        0, 1, 35, 0, 0, 0, 1, 2, 129, 0, 0, 16, 0, 199, 220, 0, 196, 122, 128, 0, 65, 171, 234, 214,
        0, 1, 0, 0, 1, 0, 0, 132, 0, 0, 16, 255, 199, 220, 255, 0, 0, 0,
      ],
      hangs: "applyUpdateV2",
    },
  ];

  it.each(fixtures)("rejects “$name” in well under a millisecond per byte", ({ bytes }) => {
    const { result, ms } = timed(() => checkUntrustedUpdate(new Uint8Array(bytes)));
    expect(result.ok).toBe(false);
    expect(ms).toBeLessThan(250);
  });

  it("the same payloads make Yjs loop until cut off (run in workers, 1.5 s each)", async () => {
    const runs = await Promise.all(
      fixtures.map(({ bytes, hangs }) => runIsolated(hangs, new Uint8Array(bytes), 1500)),
    );
    expect(runs.map((run) => run.outcome)).toEqual(fixtures.map(() => "cut off"));
  });

  it("Y.applyUpdate takes 250 MB for 7 bytes declaring 2^25 structs; the guard refuses it", async () => {
    const bomb = new Uint8Array([1, 255, 255, 255, 15, 7, 0]);
    const run = await runIsolated("applyUpdate", bomb, 10_000);
    expect(run.outcome).toBe("threw");
    expect(run.heapGrowthMb).toBeGreaterThan(200);
    const { result, ms } = timed(() => checkUntrustedUpdate(bomb));
    expect(result.ok).toBe(false);
    expect(ms).toBeLessThan(250);
  });

  it("Y.applyUpdate spends seconds on map entries with right origins; the guard refuses them", async () => {
    // A key overwritten 9000 times, then 9000 items each claiming to sit at the start,
    // right before one of those entries. Decodes fine; Yjs takes tens of seconds (cubic).
    const chainClient = 7;
    const n = 9000;
    const bomb = craft([
      {
        client: 8,
        structs: repeat(n, (j) =>
          item({ right: [chainClient, n - 1 - j], content: content.any(1) }),
        ),
      },
      {
        client: chainClient,
        structs: [
          item({ parent: "meta", key: "k", content: content.any(1) }),
          ...repeat(n - 1, (i) => item({ origin: [chainClient, i], content: content.any(1) })),
        ],
      },
    ]);
    expect(bomb.byteLength).toBeLessThan(128 * 1024);
    expect(() => Y.decodeUpdate(bomb)).not.toThrow();
    const run = await runIsolated("applyUpdate", bomb, 2000);
    expect(run.outcome).toBe("cut off");
    const { result, ms } = timed(() => checkUntrustedUpdate(bomb));
    expect(result).toEqual({
      ok: false,
      reason: "a map entry has a right origin, which Yjs never writes",
    });
    expect(ms).toBeLessThan(250);
  });
});
