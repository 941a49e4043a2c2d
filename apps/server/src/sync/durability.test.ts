import { formatDocumentName } from "@entente/domain";
import { CHARTER_FRAGMENT } from "@entente/editor";
import { CloseCode, MessageType } from "@entente/protocol";
import * as decoding from "lib0/decoding";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { eventually } from "../test/live-server.js";
import {
  disposeAllServerProcesses,
  ServerProcess,
  type ProcessClient,
} from "../test/server-process.js";
import { appendParagraph, paragraphs } from "../test/charter-text.js";
import { mulberry32 } from "../test/seeded-random.js";
import { syncMessage } from "./sync-frames.js";

/**
 * Durability of the BUILT server (`apps/server/dist/main.js`, rebuild with
 * `npx tsc -b apps/server`) run as a child process and killed for real.
 *
 * Random choices (kill moments, edit intervals, edits) come from one seed, printed at the
 * start of each test; set REPLAY_SEED to replay a failing run's choices.
 */
const REPLAY_SEED: number | null = null;
/** Kill rounds: all of them normally (~20 s); on a loaded machine, fewer once the budget is spent. */
const KILL_ROUNDS = 12;
const MIN_KILL_ROUNDS = 6;
const KILL_BUDGET_MS = 45_000;

function newSeed(what: string): { seed: number; random: () => number } {
  const seed = REPLAY_SEED ?? Math.floor(Math.random() * 2 ** 31);
  console.log(`[durability] ${what}: seed ${seed}`);
  return { seed, random: mulberry32(seed) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function storedParagraphs(server: ServerProcess, documentName: string): Promise<string[]> {
  const doc = await server.storedDocument(documentName);
  const texts = paragraphs(doc);
  doc.destroy();
  return texts;
}

function duplicates(texts: string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((text) => (seen.has(text) ? true : (seen.add(text), false)));
}

/** Appends a numbered token paragraph (`<prefix>0`, `<prefix>1`, …) every 1–5 ms until stopped. */
function burst(doc: Y.Doc, prefix: string, random: () => number) {
  const written: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    const token = `${prefix}${written.length}`;
    appendParagraph(doc, token);
    written.push(token);
    timer = setTimeout(tick, 1 + Math.floor(random() * 5));
  };
  timer = setTimeout(tick, 0);
  return {
    written,
    stop: () => clearTimeout(timer),
  };
}

interface FirstClose {
  code: number;
  reason: string;
  /** Tokens of the other organization this client held when its socket closed. */
  received: string[];
}

/**
 * Resolves on the client's first socket close with what it had received of `otherPrefix`
 * by then. Everything a client received came from the server before it died or closed.
 */
function firstClose(client: ProcessClient, otherPrefix: string): Promise<FirstClose> {
  return new Promise((resolve) => {
    client.provider.once("connection-close", (event: { code: number; reason: string } | null) => {
      resolve({
        code: event?.code ?? 0,
        reason: event?.reason ?? "",
        received: paragraphs(client.doc).filter((text) => text.startsWith(otherPrefix)),
      });
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    sleep(ms).then(() => Promise.reject(new Error(`timed out after ${ms} ms waiting for ${what}`))),
  ]);
}

/**
 * A client that lost its state vector (an old offline cache) sends its whole state as one
 * update. Resolves once the server has handled it: the answer to the sync step 1 sent after
 * it comes from the same in-order queue.
 */
async function resendWholeState(
  server: ServerProcess,
  documentName: string,
  cookie: string,
  state: Uint8Array,
): Promise<void> {
  const socket = new WebSocket(`${server.syncUrl}/${documentName}`, { headers: { cookie } });
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        socket.on("error", reject);
        socket.on("open", () => {
          socket.send(syncMessage(syncProtocol.messageYjsUpdate, state));
          socket.send(
            syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())),
          );
        });
        socket.on("message", (data: Buffer) => {
          const decoder = decoding.createDecoder(new Uint8Array(data));
          if (decoding.readVarUint(decoder) !== MessageType.Sync) return;
          if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2) resolve();
        });
      }),
      5000,
      "the server to handle a re-sent state",
    );
  } finally {
    socket.terminate();
  }
}

describe("durability of the built server process (SIGKILL, SIGTERM, restart)", () => {
  let server: ServerProcess;
  let cast: Awaited<ReturnType<ServerProcess["twoOrganizations"]>>;
  let charter: string;

  beforeEach(async () => {
    server = await ServerProcess.start();
    cast = await server.twoOrganizations();
    charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
  });

  afterEach(async () => {
    await server?.dispose();
  });

  afterAll(async () => {
    await disposeAllServerProcesses();
  });

  it("keeps every edit a client had received when the server is killed (SIGKILL) mid-burst", async () => {
    const { seed, random } = newSeed("SIGKILL mid-burst");
    let storedBefore: string[] = [];
    let northSawSouth = 0;
    let southSawNorth = 0;
    const started = Date.now();
    let round = 0;

    for (; round < KILL_ROUNDS; round++) {
      if (round >= MIN_KILL_ROUNDS && Date.now() - started > KILL_BUDGET_MS) break;
      const north = server.connect(charter, cast.north.cookie);
      const south = server.connect(charter, cast.south.cookie);
      const northClosed = firstClose(north, `r${round}s`);
      const southClosed = firstClose(south, `r${round}n`);
      await withTimeout(Promise.all([north.synced, south.synced]), 5000, "first sync");

      const northBurst = burst(north.doc, `r${round}n`, random);
      const southBurst = burst(south.doc, `r${round}s`, random);
      const killAfterMs = 20 + Math.floor(random() * 280);
      await sleep(killAfterMs);
      server.kill("SIGKILL");
      northBurst.stop();
      southBurst.stop();
      expect((await server.exited).signal).toBe("SIGKILL");
      const [northSaw, southSaw] = await withTimeout(
        Promise.all([northClosed, southClosed]),
        5000,
        "both sockets to close",
      );
      // The authors must not re-send their edits: only what the server stored may come back.
      north.destroy();
      south.destroy();

      await server.restart();
      const fresh = server.connect(charter, cast.northViewer.cookie);
      await withTimeout(fresh.synced, 5000, "a fresh client to sync");
      const stored = paragraphs(fresh.doc);
      fresh.destroy();
      const storedSet = new Set(stored);

      const context = `round ${round}, seed ${seed}, killed after ${killAfterMs} ms`;
      console.log(
        `[durability] ${context}: north wrote ${northBurst.written.length} and had received ` +
          `${northSaw.received.length} of south's; south wrote ${southBurst.written.length} and ` +
          `had received ${southSaw.received.length} of north's; ` +
          `${stored.filter((t) => t.startsWith(`r${round}`)).length} stored`,
      );
      expect(
        northSaw.received.filter((token) => !storedSet.has(token)),
        `${context}: south's edits north had received but were lost`,
      ).toEqual([]);
      expect(
        southSaw.received.filter((token) => !storedSet.has(token)),
        `${context}: north's edits south had received but were lost`,
      ).toEqual([]);
      expect(
        storedBefore.filter((token) => !storedSet.has(token)),
        `${context}: edits stored in earlier rounds, now missing`,
      ).toEqual([]);
      expect(duplicates(stored), `${context}: duplicated paragraphs`).toEqual([]);
      storedBefore = stored;
      northSawSouth += northSaw.received.length;
      southSawNorth += southSaw.received.length;
    }
    console.log(`[durability] ${round} kill rounds in ${Date.now() - started} ms (seed ${seed})`);
    // The kills did land while edits were flowing both ways, so the checks above meant something.
    expect(northSawSouth).toBeGreaterThan(0);
    expect(southSawNorth).toBeGreaterThan(0);
  }, 120_000);

  it(
    "on SIGTERM stops accepting, stores what it received, closes sockets with 4000 and exits 0; " +
      "clients reconnect by themselves and converge",
    async () => {
      const { seed, random } = newSeed("SIGTERM mid-burst");
      const north = server.connect(charter, cast.north.cookie);
      const south = server.connect(charter, cast.south.cookie);
      const northClosed = firstClose(north, "s");
      const southClosed = firstClose(south, "n");
      await withTimeout(Promise.all([north.synced, south.synced]), 5000, "first sync");

      const northBurst = burst(north.doc, "n", random);
      const southBurst = burst(south.doc, "s", random);
      await sleep(50 + Math.floor(random() * 200));
      server.kill("SIGTERM");
      const [northSaw, southSaw] = await withTimeout(
        Promise.all([northClosed, southClosed]),
        5000,
        "the sockets to close",
      );
      const context = `seed ${seed}`;
      expect([northSaw.code, southSaw.code], context).toEqual([
        CloseCode.ServiceRestart,
        CloseCode.ServiceRestart,
      ]);
      expect(northSaw.reason).toBe("service restart");
      // Once it has closed the sockets, nobody gets a new one.
      expect(await server.upgradeStatus(charter, cast.north.cookie)).not.toBe("open");
      const exit = await withTimeout(server.exited, 10_000, "the server to exit");
      expect(exit, `exit status; server output:\n${server.output()}`).toEqual({
        code: 0,
        signal: null,
      });
      // The clients keep editing while the server is down; those edits are sent on reconnect.
      await sleep(20);
      northBurst.stop();
      southBurst.stop();

      // Read the file while no server runs: what is stored is all that came back.
      const stored = new Set(await storedParagraphs(server, charter));
      console.log(
        `[durability] SIGTERM, ${context}: north wrote ${northBurst.written.length} and had ` +
          `received ${northSaw.received.length} of south's; south wrote ` +
          `${southBurst.written.length} and had received ${southSaw.received.length} of north's; ` +
          `${stored.size} stored`,
      );
      expect(northSaw.received.length + southSaw.received.length).toBeGreaterThan(0);
      expect(
        northSaw.received.filter((token) => !stored.has(token)),
        context,
      ).toEqual([]);
      expect(
        southSaw.received.filter((token) => !stored.has(token)),
        context,
      ).toEqual([]);

      await server.restart();
      const everything = [...northBurst.written, ...southBurst.written].sort();
      const holdsEverything = (client: ProcessClient) =>
        client.provider.wsconnected &&
        client.provider.synced &&
        [...paragraphs(client.doc)].sort().join() === everything.join();
      await eventually(
        () => holdsEverything(north) && holdsEverything(south),
        15_000,
        "both clients to reconnect and converge",
      );
      expect(paragraphs(north.doc)).toEqual(paragraphs(south.doc));

      const fresh = server.connect(charter, cast.northViewer.cookie);
      await withTimeout(fresh.synced, 5000, "a fresh client to sync");
      expect(paragraphs(fresh.doc)).toEqual(paragraphs(north.doc));
    },
    40_000,
  );

  it.each(["SIGKILL", "SIGTERM"] as const)(
    "after a restart mid-session (%s) the charter is byte for byte the same, never duplicated, though clients re-send their state",
    async (signal) => {
      const { seed, random } = newSeed(`restart mid-session (${signal})`);
      const north = server.connect(charter, cast.north.cookie);
      const south = server.connect(charter, cast.south.cookie);
      await withTimeout(Promise.all([north.synced, south.synced]), 5000, "first sync");

      // Paragraphs from both sides, then insertions and deletions inside them.
      for (let i = 0; i < 6; i++) {
        appendParagraph(north.doc, `North ${i}: shared cold-chain fleet.`);
        appendParagraph(south.doc, `South ${i}: producer relationships.`);
      }
      await eventually(
        () => paragraphs(north.doc).length === 12 && paragraphs(south.doc).length === 12,
        5000,
        "the first paragraphs",
      );
      for (let edit = 0; edit < 120; edit++) {
        const client = random() < 0.5 ? north : south;
        const fragment = client.doc.getXmlFragment(CHARTER_FRAGMENT);
        const paragraph = fragment.get(Math.floor(random() * fragment.length)) as Y.XmlElement;
        const text = paragraph.get(0) as Y.XmlText;
        if (random() < 0.6 || text.length < 2) {
          text.insert(Math.floor(random() * (text.length + 1)), `${edit % 10}`);
        } else {
          const at = Math.floor(random() * (text.length - 1));
          text.delete(at, 1 + Math.floor(random() * Math.min(3, text.length - at - 1)));
        }
        if (edit % 10 === 0) await sleep(2);
      }
      await eventually(
        () => paragraphs(north.doc).join("\n") === paragraphs(south.doc).join("\n"),
        5000,
        "convergence before the restart",
      );

      const before = server.connect(charter, cast.northViewer.cookie);
      await withTimeout(before.synced, 5000, "a read-only client to sync");
      const bytesBefore = Y.encodeStateAsUpdate(before.doc);
      const textBefore = paragraphs(before.doc);
      before.destroy();
      expect(textBefore.join("\n")).toBe(paragraphs(north.doc).join("\n"));
      const rowsBefore = server.storedUpdateCount(charter);

      // North and South stay connected through the restart.
      const reconnected = (client: ProcessClient) => {
        let closed = false;
        client.provider.once("connection-close", () => (closed = true));
        return () => closed && client.provider.wsconnected && client.provider.synced;
      };
      const northBack = reconnected(north);
      const southBack = reconnected(south);
      server.kill(signal);
      await withTimeout(server.exited, 10_000, "the server to exit");
      await server.restart();
      await eventually(() => northBack() && southBack(), 15_000, "the clients to re-sync");

      // A client whose cache lost track of the state vector sends everything it has again.
      await resendWholeState(server, charter, cast.south.cookie, Y.encodeStateAsUpdate(north.doc));
      await resendWholeState(server, charter, cast.north.cookie, bytesBefore);

      const after = server.connect(charter, cast.northViewer.cookie);
      await withTimeout(after.synced, 5000, "a read-only client to sync after the restart");
      const context = `${signal}, seed ${seed}`;
      expect(paragraphs(after.doc), context).toEqual(textBefore);
      expect(
        Buffer.from(Y.encodeStateAsUpdate(after.doc)).equals(Buffer.from(bytesBefore)),
        `${context}: state bytes differ`,
      ).toBe(true);
      expect(paragraphs(north.doc), context).toEqual(textBefore);
      expect(paragraphs(south.doc), context).toEqual(textBefore);
      // Re-sent state changes nothing, so nothing more is stored.
      expect(server.storedUpdateCount(charter), context).toBe(rowsBefore);
    },
    30_000,
  );
});
