import { once } from "node:events";
import { formatDocumentName } from "@entente/domain";
import { CHARTER_FRAGMENT, charterPlainText } from "@entente/editor";
import { CloseCode, MessageType } from "@entente/protocol";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { eventually, LiveServer, type SyncClient } from "../test/live-server.js";
import { checkUntrustedUpdate } from "./update-guard.js";
import { appendParagraph } from "../test/charter-text.js";
import { eventuallyAsync } from "../test/edit-burst.js";
import { mulberry32 } from "../test/seeded-random.js";
import { syncMessage } from "./sync-frames.js";

/** `ws` closes a socket whose frame is over its `maxPayload` with this code. */
const MESSAGE_TOO_BIG = 1009;
const MAX_FRAME_BYTES = 8 * 1024 * 1024;
/** Set to a logged fuzz seed to replay that run. */
const REPLAY_SEED: number | undefined = undefined;
/**
 * The client id that writes the document's first paragraph. Above PEER's, like a random
 * browser id: Yjs orders clients by id, and the re-sent-copies case depends on it.
 */
const AUTHOR = 0x45c0ffee;
/** The client id of the second writer whose edits the fuzz re-sends. */
const PEER = 0xf022;
/** A client id nobody has: references to it stay unresolved. */
const NOBODY = 0xbad;
/** Codes a socket may end with when the test itself closes it. */
const CLIENT_CLOSED = new Set([1000, 1005]);

function encode(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

const updateFrame = (update: Uint8Array) => syncMessage(syncProtocol.messageYjsUpdate, update);

function awarenessFrame(entries: [clientId: number, clock: number, state: string][]): Uint8Array {
  const update = encode((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const [clientId, clock, state] of entries) {
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, state);
    }
  });
  return encode((e) => {
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, update);
  });
}

/** The update a client with `clientId` makes when it edits a copy of `state`. */
function editOf(state: Uint8Array, clientId: number, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  doc.clientID = clientId;
  let update: Uint8Array | undefined;
  doc.on("update", (u: Uint8Array) => (update ??= u));
  edit(doc);
  if (!update) throw new Error("the edit changed nothing");
  return update;
}

/** A v1 update written by hand: `sections` of [client, structs], then an empty delete set. */
function craft(sections: [client: number, structs: ((e: encoding.Encoder) => void)[]][]) {
  return encode((e) => {
    encoding.writeVarUint(e, sections.length);
    for (const [client, structs] of sections) {
      encoding.writeVarUint(e, structs.length);
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, 0);
      for (const write of structs) write(e);
    }
    encoding.writeVarUint(e, 0);
  });
}

/** A Y.Map entry `meta[key] = 1` with no neighbours, or after `origin`. */
const mapEntry =
  (key: string, origin?: [number, number]) =>
  (e: encoding.Encoder): void => {
    if (origin) {
      encoding.writeUint8(e, 8 | 0x80);
      encoding.writeVarUint(e, origin[0]);
      encoding.writeVarUint(e, origin[1]);
    } else {
      encoding.writeUint8(e, 8 | 0x20);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, "meta");
      encoding.writeVarString(e, key);
    }
    encoding.writeVarUint(e, 1);
    encoding.writeAny(e, 1);
  };

interface RawSocket {
  socket: WebSocket;
  /** The close code, once the socket closed. */
  closed: Promise<number>;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("sync server under bad input", () => {
  let live: LiveServer;
  let cast: Awaited<ReturnType<LiveServer["twoOrganizations"]>>;
  let charter: string;
  /** A stock client that stays connected through the bad input. */
  let editor: SyncClient;
  /** Close codes the editor's socket saw; none are expected. */
  let editorCloses: number[];
  /** What a fresh client saw before the bad input. */
  let baseline: { text: string; state: string };
  /** The charter's state before the bad input, as Yjs bytes. */
  let baselineState: Uint8Array;

  async function openRaw(documentName: string, cookie: string): Promise<RawSocket> {
    const socket = new WebSocket(`${live.syncUrl}/${documentName}`, { headers: { cookie } });
    // A reset socket reports through "close" (1006) as well; errors need a listener.
    socket.on("error", () => undefined);
    const closed = new Promise<number>((resolve) => socket.once("close", resolve));
    await withTimeout(once(socket, "open"), 5000, "the socket to open");
    return { socket, closed };
  }

  /** A fresh stock client's view of the charter. */
  async function freshView(): Promise<{ text: string; state: string }> {
    const fresh = live.connect(charter, cast.northViewer.cookie);
    try {
      await withTimeout(fresh.synced, 5000, "a fresh client to sync");
      return {
        text: charterPlainText(fresh.doc),
        state: Buffer.from(Y.encodeStateAsUpdate(fresh.doc)).toString("base64"),
      };
    } finally {
      fresh.destroy();
    }
  }

  async function storedUpdates(): Promise<number> {
    const rows = await live.server.store.db
      .selectFrom("document_updates")
      .select("id")
      .where("document_name", "=", charter)
      .execute();
    return rows.length;
  }

  /**
   * The document is what it was, the editor connected before the bad input still syncs
   * with a newcomer, and another document still works.
   */
  async function expectStillServing(): Promise<void> {
    expect(await freshView()).toEqual(baseline);

    const reader = live.connect(charter, cast.northViewer.cookie);
    await withTimeout(reader.synced, 5000, "a reader to sync");
    appendParagraph(editor.doc, "After the bad input.");
    await eventually(
      () => charterPlainText(reader.doc).endsWith("After the bad input."),
      5000,
      "the editor's edit to reach a newcomer",
    );
    expect(charterPlainText(reader.doc)).toBe(charterPlainText(editor.doc));
    reader.destroy();

    const privateNotes = formatDocumentName({
      kind: "private",
      partnershipId: cast.partnershipId,
      organizationId: cast.northOrg,
    });
    const [a, b] = [
      live.connect(privateNotes, cast.north.cookie),
      live.connect(privateNotes, cast.north.cookie),
    ];
    await withTimeout(Promise.all([a.synced, b.synced]), 5000, "another document to sync");
    appendParagraph(a.doc, "Private note.");
    await eventually(() => charterPlainText(b.doc) === "Private note.", 5000, "another document");
    a.destroy();
    b.destroy();

    expect(editor.provider.wsconnected).toBe(true);
    expect(editorCloses).toEqual([]);
  }

  /**
   * A second writer (client id 0xf022) adds a paragraph, formats and trims it and sets an
   * attribute (a map entry); once stored, the baseline is taken again. Returns its updates to re-send.
   */
  async function seedPeer() {
    const peerUpdates = [
      editOf(baselineState, PEER, (doc) => appendParagraph(doc, "Fuzz peer paragraph.")),
    ];
    const peer = new Y.Doc();
    Y.applyUpdate(peer, baselineState);
    Y.applyUpdate(peer, peerUpdates[0]!);
    peer.clientID = PEER;
    peer.on("update", (update: Uint8Array) => peerUpdates.push(update));
    const text = (peer.getXmlFragment(CHARTER_FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(5, "bold ", { bold: true });
    text.delete(0, 2);
    // A map entry: the charter's only root is its fragment, so an element's attribute.
    (peer.getXmlFragment(CHARTER_FRAGMENT).get(1) as Y.XmlElement).setAttribute(
      "textAlign",
      "center",
    );
    const storedBefore = await storedUpdates();
    const seeder = await openRaw(charter, cast.south.cookie);
    for (const update of peerUpdates) seeder.socket.send(updateFrame(update));
    await eventuallyAsync(
      async () => (await storedUpdates()) === storedBefore + peerUpdates.length,
      5000,
      "the peer's edits to be stored",
      20,
    );
    seeder.socket.close();
    await seeder.closed;
    baseline = await freshView();
    expect(baseline.text).toBe(charterPlainText(peer));
    baselineState = new Uint8Array(Buffer.from(baseline.state, "base64"));
    return { peer, peerUpdates, fullPeer: Y.encodeStateAsUpdate(peer) };
  }

  /** Resolves once the server answered a sync step 1 sent after everything before it. */
  async function roundTrip(raw: RawSocket): Promise<void> {
    const answered = new Promise<void>((resolve) => {
      const onMessage = (data: Buffer) => {
        if (data[0] === MessageType.Sync && data[1] === syncProtocol.messageYjsSyncStep2) {
          raw.socket.off("message", onMessage);
          resolve();
        }
      };
      raw.socket.on("message", onMessage);
    });
    raw.socket.send(syncMessage(syncProtocol.messageYjsSyncStep1, new Uint8Array([0])));
    await withTimeout(answered, 5000, "the server's answer");
  }

  beforeEach(async () => {
    live = await LiveServer.start({
      // The fuzz opens hundreds of sockets from one address and user on purpose.
      syncLimits: {
        connectionsPerAddress: { max: 100_000, windowMs: 60_000 },
        connectionsPerUser: { max: 100_000, windowMs: 60_000 },
      },
    });
    cast = await live.twoOrganizations();
    charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    editor = live.connect(charter, cast.north.cookie);
    editorCloses = [];
    editor.provider.on("connection-close", (event: { code: number } | null) =>
      editorCloses.push(event?.code ?? 0),
    );
    await withTimeout(editor.synced, 5000, "the editor to sync");
    // Written under a fixed client id, so the document's bytes, and with them the fuzz's
    // frames, are the same for a given seed.
    const author = await openRaw(charter, cast.north.cookie);
    author.socket.send(
      updateFrame(
        editOf(new Uint8Array([0, 0]), AUTHOR, (doc) =>
          appendParagraph(doc, "Before the bad input."),
        ),
      ),
    );
    await eventually(
      () => charterPlainText(editor.doc) === "Before the bad input.",
      5000,
      "the first edit to reach the editor",
    );
    author.socket.close();
    await author.closed;
    baseline = await freshView();
    expect(baseline.text).toBe("Before the bad input.");
    baselineState = new Uint8Array(Buffer.from(baseline.state, "base64"));
  });

  afterEach(async () => {
    await live.close();
  });

  const badFrames: { name: string; frame: () => Uint8Array | string; code: number }[] = [
    {
      name: "random bytes",
      frame: () => {
        const random = mulberry32(4400);
        return new Uint8Array(64).map(() => Math.floor(random() * 256));
      },
      code: CloseCode.InvalidMessage,
    },
    { name: "an empty frame", frame: () => new Uint8Array(0), code: CloseCode.InvalidMessage },
    {
      name: "a truncated message-type varint",
      frame: () => new Uint8Array([0x80]),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "a truncated sync-type varint",
      frame: () => new Uint8Array([0, 0xff]),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "an unknown message type",
      frame: () => new Uint8Array([42, 0]),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "an auth message",
      frame: () => new Uint8Array([MessageType.Auth, 0]),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "an unknown sync message type",
      frame: () => new Uint8Array([0, 9, 0]),
      code: CloseCode.InvalidMessage,
    },
    { name: "a text frame", frame: () => "hello", code: CloseCode.InvalidMessage },
    {
      name: "an awareness update with broken JSON",
      frame: () => awarenessFrame([[123_456, 1, '{"user": {"name": "Mallory"']]),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "a length prefix larger than the frame",
      frame: () => new Uint8Array([0, syncProtocol.messageYjsUpdate, 0xe8, 0x07, 1, 2, 3]),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "an update Yjs rejects after applying half of it (delete set cut off)",
      frame: () =>
        updateFrame(
          editOf(baselineState, 0xbad, (doc) => appendParagraph(doc, "Half applied.")).slice(0, -1),
        ),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "an update Yjs rejects after applying half of it (an item refers to its client's future)",
      frame: () =>
        updateFrame(
          encode((e) => {
            const w = (n: number) => encoding.writeVarUint(e, n);
            w(1); // one client
            w(2); // two structs
            w(0xbad);
            w(0);
            encoding.writeUint8(e, 4); // a string in the root type "notes"
            w(1);
            encoding.writeVarString(e, "notes");
            encoding.writeVarString(e, "Half applied.");
            encoding.writeUint8(e, 4 | 0x80); // a string after (0xbad, 100), which does not exist yet
            w(0xbad);
            w(100);
            encoding.writeVarString(e, "!");
            w(0); // no deletions
          }),
        ),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "an update the guard rejects: a GC range of 2^31 (Yjs would store it)",
      frame: () =>
        updateFrame(
          encode((e) => {
            for (const n of [1, 1, 0xbad, 0, 0]) encoding.writeVarUint(e, n);
            encoding.writeVarUint(e, 2 ** 31);
            encoding.writeVarUint(e, 0);
          }),
        ),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "an update the guard rejects: a subdocument (Yjs would create a Y.Doc)",
      frame: () =>
        updateFrame(
          encode((e) => {
            for (const n of [1, 1, 0xbad, 0]) encoding.writeVarUint(e, n);
            encoding.writeUint8(e, 9);
            encoding.writeVarUint(e, 1);
            encoding.writeVarString(e, "subdocs");
            encoding.writeVarString(e, "guid");
            encoding.writeAny(e, {});
            encoding.writeVarUint(e, 0);
          }),
        ),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "an update the guard rejects: a map entry with a right origin",
      frame: () =>
        updateFrame(
          craft([
            [
              0xbad,
              [
                mapEntry("k"),
                mapEntry("k", [0xbad, 0]),
                (e) => {
                  encoding.writeUint8(e, 8 | 0x40);
                  encoding.writeVarUint(e, 0xbad);
                  encoding.writeVarUint(e, 1);
                  encoding.writeVarUint(e, 1);
                  encoding.writeAny(e, 2);
                },
              ],
            ],
          ]),
        ),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "an update the guard rejects: 65 first writes of one map key",
      frame: () => updateFrame(craft([[0xbad, Array.from({ length: 65 }, () => mapEntry("k"))]])),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "an update the guard rejects: yjs#687's v2 payload sent as v1 (trailing bytes)",
      frame: () =>
        updateFrame(
          new Uint8Array([
            0, 1, 35, 0, 0, 0, 1, 2, 129, 0, 0, 16, 0, 199, 220, 0, 196, 122, 128, 0, 65, 171, 234,
            214, 0, 1, 0, 0, 1, 0, 0, 132, 0, 0, 16, 255, 199, 220, 255, 0, 0, 0,
          ]),
        ),
      code: CloseCode.InvalidMessage,
    },
    {
      name: "an update the guard rejects: 7 bytes declaring 2^25 structs (Yjs would allocate 250 MB)",
      frame: () => updateFrame(new Uint8Array([1, 255, 255, 255, 15, 7, 0])),
      code: CloseCode.InvalidMessage,
    },
  ];

  it.each(badFrames)(
    "closes a socket sending $name with $code; nothing else changes",
    async ({ frame, code }) => {
      const raw = await openRaw(charter, cast.south.cookie);
      raw.socket.send(frame());
      expect(await withTimeout(raw.closed, 5000, "the server to close the socket")).toBe(code);
      await expectStillServing();
    },
  );

  it("closes a socket sending a frame over 8 MiB with 1009; nothing else changes", async () => {
    const raw = await openRaw(charter, cast.south.cookie);
    const frame = updateFrame(
      editOf(baselineState, 0xbad, (doc) => appendParagraph(doc, "x".repeat(MAX_FRAME_BYTES))),
    );
    expect(frame.byteLength).toBeGreaterThan(MAX_FRAME_BYTES);
    raw.socket.send(frame);
    expect(await withTimeout(raw.closed, 10_000, "the server to close the socket")).toBe(
      MESSAGE_TOO_BIG,
    );
    await expectStillServing();
  });

  it("ignores re-sent copies of stored structs with made-up dependencies", async () => {
    // Yjs checks an incoming struct's dependencies before noticing it already has it, so
    // such a copy is parked as pending; encodeStateAsUpdate then merges the parked copies
    // into what it sends newcomers, and here the peer's paragraph vanishes for them.
    await seedPeer();
    const varUint = (n: number) => [...encode((e) => encoding.writeVarUint(e, n))];
    const before = [4, 0, ...varUint(AUTHOR), 1, 21];
    const at = Buffer.from(baselineState).indexOf(Buffer.from(before));
    expect(at, "the first paragraph's text in the full state").toBeGreaterThan(0);
    // The full state, its first text now under a parent nobody has.
    const fullStateCopy = new Uint8Array([
      ...baselineState.subarray(0, at),
      4,
      0,
      ...varUint(NOBODY),
      1,
      21,
      ...baselineState.subarray(at + before.length),
    ]);
    // The peer's first update, its paragraph now after an item nobody has.
    const firstUpdateCopy = encode((e) => {
      const w = (n: number) => encoding.writeVarUint(e, n);
      for (const n of [1, 3, PEER, 0]) w(n);
      encoding.writeUint8(e, 7 | 0x80);
      for (const n of [NOBODY, 0, 3]) w(n);
      encoding.writeVarString(e, "paragraph");
      encoding.writeUint8(e, 7);
      for (const n of [0, PEER, 0, 6]) w(n);
      encoding.writeUint8(e, 4);
      for (const n of [0, PEER, 1]) w(n);
      encoding.writeVarString(e, "Fuzz peer paragraph.");
      w(0);
    });
    const raw = await openRaw(charter, cast.south.cookie);
    raw.socket.send(syncMessage(syncProtocol.messageYjsSyncStep2, fullStateCopy));
    raw.socket.send(updateFrame(firstUpdateCopy));
    await roundTrip(raw);
    raw.socket.close();
    await raw.closed;
    await expectStillServing();
  });

  it("survives thousands of mutated frames over hundreds of sockets (seeded fuzz)", async () => {
    const seed = REPLAY_SEED ?? Date.now() % 2 ** 31;
    const random = mulberry32(seed);
    console.info(`bad-input fuzz seed: ${seed}`);

    const { peer, peerUpdates, fullPeer } = await seedPeer();
    const storedBefore = await storedUpdates();
    const replicaOfBaseline = new Y.Doc();
    Y.applyUpdate(replicaOfBaseline, baselineState);
    const baselineBytes = Buffer.from(Y.encodeStateAsUpdate(replicaOfBaseline)).toString("base64");

    const valid: Uint8Array[] = [
      syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(peer)),
      syncMessage(syncProtocol.messageYjsSyncStep1, new Uint8Array([0])),
      syncMessage(syncProtocol.messageYjsSyncStep2, fullPeer),
      ...peerUpdates.map(updateFrame),
      awarenessFrame([[PEER, 3, JSON.stringify({ user: { name: "Fuzz", color: "#f00" } })]]),
      awarenessFrame([[PEER, 4, "null"]]),
      new Uint8Array([MessageType.QueryAwareness]),
    ];

    /** Whether the server, applying `frame`, would make a real edit (so it is not sent). */
    const wouldEdit = (frame: Uint8Array): boolean => {
      let update: Uint8Array;
      try {
        const decoder = decoding.createDecoder(frame);
        if (decoding.readVarUint(decoder) !== MessageType.Sync) return false;
        if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1) return false;
        update = decoding.readVarUint8Array(decoder);
      } catch {
        return false;
      }
      if (!checkUntrustedUpdate(update).ok) return false;
      const replica = new Y.Doc();
      Y.applyUpdate(replica, baselineState);
      try {
        Y.applyUpdate(replica, update);
      } catch {
        // Yjs throws on it: the server must refuse it, even if Yjs applied half first.
        return false;
      }
      return Buffer.from(Y.encodeStateAsUpdate(replica)).toString("base64") !== baselineBytes;
    };

    const mutate = (frame: Uint8Array): Uint8Array => {
      const bytes = [...frame];
      const at = () => Math.floor(random() * Math.max(bytes.length, 1));
      const byte = () => Math.floor(random() * 256);
      switch (Math.floor(random() * 6)) {
        case 0: // bit flips
          for (let n = 1 + Math.floor(random() * 3); n > 0 && bytes.length > 0; n--) {
            const i = at();
            bytes[i] = bytes[i]! ^ (1 << Math.floor(random() * 8));
          }
          break;
        case 1: // truncation
          bytes.length = at();
          break;
        case 2: {
          // length-prefix corruption: the varint after the message (and sync) type
          const offset = bytes[0] === MessageType.Sync ? 2 : 1;
          const prefix = encode((e) =>
            encoding.writeVarUint(e, Math.floor(random() * 2 ** (1 + random() * 30))),
          );
          bytes.splice(offset, 1, ...prefix);
          break;
        }
        case 3: // random type bytes
          bytes[0] = byte();
          if (random() < 0.5 && bytes.length > 1) bytes[1] = byte();
          break;
        case 4: // inserted or dropped bytes
          if (random() < 0.5)
            bytes.splice(at(), 0, ...Array.from({ length: 1 + Math.floor(random() * 4) }, byte));
          else bytes.splice(at(), 1 + Math.floor(random() * 4));
          break;
        default: // overwritten bytes
          for (let n = 1 + Math.floor(random() * 4); n > 0 && bytes.length > 0; n--)
            bytes[at()] = byte();
      }
      return new Uint8Array(bytes);
    };

    const SOCKETS = 300;
    const FRAMES_PER_SOCKET = 10;
    const CONCURRENCY = 8;
    let sent = 0;
    let skipped = 0;
    const serverCloses = new Map<number, number>();
    const runSocket = async () => {
      const frames: Uint8Array[] = [];
      while (frames.length < FRAMES_PER_SOCKET) {
        const frame = mutate(valid[Math.floor(random() * valid.length)]!);
        if (wouldEdit(frame)) skipped += 1;
        else frames.push(frame);
      }
      const raw = await openRaw(charter, cast.south.cookie);
      for (const frame of frames) raw.socket.send(frame);
      sent += frames.length;
      const code = await Promise.race([
        raw.closed,
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 300)),
      ]);
      if (code === undefined) {
        raw.socket.close();
        const finalCode = await withTimeout(raw.closed, 5000, "a fuzz socket to close");
        if (!CLIENT_CLOSED.has(finalCode))
          serverCloses.set(finalCode, (serverCloses.get(finalCode) ?? 0) + 1);
      } else {
        serverCloses.set(code, (serverCloses.get(code) ?? 0) + 1);
      }
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < SOCKETS) {
          next += 1;
          await runSocket();
        }
      }),
    );

    const context = `seed ${seed}, ${sent} frames sent, ${skipped} valid edits skipped`;
    expect(sent, context).toBe(SOCKETS * FRAMES_PER_SOCKET);
    // The server only ever refused frames; it never failed a room or dropped a socket.
    expect(
      [...serverCloses.keys()].filter((code) => code !== CloseCode.InvalidMessage),
      context,
    ).toEqual([]);
    expect(await live.upgradeStatus(charter, cast.south.cookie), context).toBe("open");
    expect(await storedUpdates(), context).toBe(storedBefore);
    await expectStillServing();

    // Two stock clients still converge on concurrent edits.
    const other = live.connect(charter, cast.south.cookie);
    await withTimeout(other.synced, 5000, "a second editor to sync");
    appendParagraph(editor.doc, "North after fuzz.");
    appendParagraph(other.doc, "South after fuzz.");
    await eventually(
      () =>
        charterPlainText(editor.doc) === charterPlainText(other.doc) &&
        charterPlainText(other.doc).includes("North after fuzz.") &&
        charterPlainText(other.doc).includes("South after fuzz."),
      5000,
      `convergence after the fuzz (${context})`,
    );
  }, 60_000);
});
