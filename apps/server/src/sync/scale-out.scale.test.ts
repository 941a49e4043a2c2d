import { formatDocumentName } from "@entente/domain";
import { CloseCode, MessageType } from "@entente/protocol";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createLogger } from "../observability/logger.js";
import { SyncMetrics } from "../observability/metrics.js";
import { appendParagraph, paragraphs } from "../test/charter-text.js";
import { EventStreamReader } from "../test/event-stream-reader.js";
import { eventually } from "../test/live-server.js";
import { RedisProcess, redisServerMissing } from "../test/redis-process.js";
import {
  disposeAllServerProcesses,
  ServerProcess,
  type ProcessClient,
} from "../test/server-process.js";
import {
  IN_CI,
  postgresMissing,
  tempPostgresDatabase,
  type TempDatabase,
} from "../test/test-store.js";
import { DocumentRoom } from "./document-room.js";
import type { SyncConnection } from "./sync-connection.js";
import { RedisBus } from "./redis-bus.js";
import type { PendingUpdate, StoredDocument, UpdateLog } from "./update-log.js";

const missing = (await postgresMissing()) ?? redisServerMissing();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Appends paragraphs `<prefix>0`, `<prefix>1`… every few milliseconds until stopped. */
function keepWriting(doc: Y.Doc, prefix: string, everyMs = 15) {
  const written: string[] = [];
  const timer = setInterval(() => {
    const text = `${prefix}${written.length}`;
    appendParagraph(doc, text);
    written.push(text);
  }, everyMs);
  return {
    written,
    stop: () => clearInterval(timer),
  };
}

function duplicates(texts: string[]): string[] {
  return texts.filter((text, i) => texts.indexOf(text) !== i);
}

function sameParagraphs(clients: ProcessClient[]): boolean {
  const [first, ...rest] = clients.map((client) => JSON.stringify(paragraphs(client.doc)));
  return rest.every((other) => other === first);
}

describe.skipIf(missing !== null && !IN_CI)(
  "several server instances over one PostgreSQL and one Redis",
  () => {
    let database: TempDatabase | undefined;
    let redis: RedisProcess | undefined;
    let instances: ServerProcess[] = [];
    let cast: Awaited<ReturnType<ServerProcess["twoOrganizations"]>>;
    let charter: string;

    beforeEach(async () => {
      if (missing) throw new Error(`Missing service: ${missing}`);
      database = await tempPostgresDatabase();
      redis = await RedisProcess.start();
      const shared = { databaseUrl: database.url, redisUrl: redis.url };
      // Started at once: their migrations of the empty database must not collide.
      instances = await Promise.all([0, 1, 2].map(() => ServerProcess.start(shared)));
      cast = await instances[0]!.twoOrganizations();
      charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    }, 60_000);

    afterEach(async () => {
      await Promise.all(instances.map((instance) => instance.dispose()));
      instances = [];
      await redis?.dispose();
      await database?.cleanup();
    });

    afterAll(async () => {
      await disposeAllServerProcesses();
    });

    it("converges clients of three instances editing at once, and a late joiner anywhere gets it all", async () => {
      const [a, b, c] = instances as [ServerProcess, ServerProcess, ServerProcess];
      const north = a.connect(charter, cast.north.cookie);
      const south = b.connect(charter, cast.south.cookie);
      const viewer = c.connect(charter, cast.northViewer.cookie);
      await Promise.all([north.synced, south.synced, viewer.synced]);

      const northWrites = keepWriting(north.doc, "n", 10);
      const southWrites = keepWriting(south.doc, "s", 10);
      await sleep(600);
      northWrites.stop();
      southWrites.stop();
      const all = [...northWrites.written, ...southWrites.written];

      await eventually(
        () =>
          [north, south, viewer].every((client) => paragraphs(client.doc).length === all.length) &&
          sameParagraphs([north, south, viewer]),
        10_000,
        "the three clients to converge",
      );
      expect(new Set(paragraphs(viewer.doc))).toEqual(new Set(all));

      const late = c.connect(charter, cast.south.cookie);
      await late.synced;
      expect(paragraphs(late.doc)).toEqual(paragraphs(north.doc));
    });

    it("shows presence across instances and removes it when the client leaves", async () => {
      const [a, b] = instances as [ServerProcess, ServerProcess];
      const north = a.connect(charter, cast.north.cookie);
      const south = b.connect(charter, cast.south.cookie);
      await Promise.all([north.synced, south.synced]);
      const northId = north.doc.clientID;

      north.provider.awareness.setLocalStateField("user", { name: "Nora North" });
      await eventually(
        () => south.provider.awareness.getStates().get(northId)?.user?.name === "Nora North",
        5000,
        "north's presence to reach south's instance",
      );
      south.provider.awareness.setLocalStateField("user", { name: "Sam South" });
      await eventually(
        () =>
          north.provider.awareness.getStates().get(south.doc.clientID)?.user?.name === "Sam South",
        5000,
        "south's presence to reach north's instance",
      );

      north.destroy();
      await eventually(
        () => !south.provider.awareness.getStates().has(northId),
        5000,
        "north's presence to disappear on south's instance",
      );
    });

    it("loses nothing any client had seen when an instance is killed, and its clients converge on another", async () => {
      const [a, b, c] = instances as [ServerProcess, ServerProcess, ServerProcess];
      const north = a.connect(charter, cast.north.cookie);
      const south = b.connect(charter, cast.south.cookie);
      const viewer = c.connect(charter, cast.northViewer.cookie);
      await Promise.all([north.synced, south.synced, viewer.synced]);

      const northWrites = keepWriting(north.doc, "n");
      const southWrites = keepWriting(south.doc, "s");
      await sleep(400);
      a.kill("SIGKILL");
      expect((await a.exited).signal).toBe("SIGKILL");
      // What the others had received of north's edits when its instance died.
      const seenOfNorth = [...paragraphs(south.doc), ...paragraphs(viewer.doc)].filter((text) =>
        text.startsWith("n"),
      );
      await sleep(200);
      northWrites.stop();
      southWrites.stop();

      // North's client reconnects to another instance with the document it holds.
      north.provider.destroy();
      const moved = b.connect(charter, cast.north.cookie, north.doc);
      await moved.synced;

      const all = [...northWrites.written, ...southWrites.written];
      await eventually(
        () =>
          [moved, south, viewer].every((client) => paragraphs(client.doc).length === all.length) &&
          sameParagraphs([moved, south, viewer]),
        10_000,
        "the clients to converge after the kill",
      );
      const final = paragraphs(viewer.doc);
      expect(seenOfNorth.length).toBeGreaterThan(0);
      expect(seenOfNorth.filter((text) => !final.includes(text))).toEqual([]);
      expect(new Set(final)).toEqual(new Set(all));
      expect(duplicates(final)).toEqual([]);

      // And it is all stored: a fresh client of the third instance loads the same.
      const fresh = c.connect(charter, cast.south.cookie);
      await fresh.synced;
      expect(paragraphs(fresh.doc)).toEqual(final);
    });

    it("heals after Redis restarts mid-edit: documents resync and presence crosses again", async () => {
      const [a, b] = instances as [ServerProcess, ServerProcess];
      const north = a.connect(charter, cast.north.cookie);
      const south = b.connect(charter, cast.south.cookie);
      await Promise.all([north.synced, south.synced]);

      const northWrites = keepWriting(north.doc, "n");
      const southWrites = keepWriting(south.doc, "s");
      await sleep(300);
      await redis!.kill();
      // Edits go on while the instances cannot hear each other.
      await sleep(700);
      const duringOutage = paragraphs(south.doc).filter((text) => text.startsWith("n")).length;
      await redis!.restart();
      await sleep(300);
      northWrites.stop();
      southWrites.stop();

      const all = [...northWrites.written, ...southWrites.written];
      await eventually(
        () =>
          [north, south].every((client) => paragraphs(client.doc).length === all.length) &&
          sameParagraphs([north, south]),
        15_000,
        "the instances to resync after the Redis restart",
      );
      expect(new Set(paragraphs(north.doc))).toEqual(new Set(all));
      expect(duplicates(paragraphs(north.doc))).toEqual([]);
      // The outage was real: south missed some of north's edits until Redis came back.
      expect(duringOutage).toBeLessThan(northWrites.written.length);

      north.provider.awareness.setLocalStateField("after", "the restart");
      await eventually(
        () => south.provider.awareness.getStates().get(north.doc.clientID)?.after === "the restart",
        10_000,
        "presence to cross instances after the restart",
      );
    });

    it("streams a post made on one instance to the updates feed open on another", async () => {
      const [a, b] = instances as [ServerProcess, ServerProcess];
      const stream = await fetch(`${b.url}/api/partnerships/${cast.partnershipId}/events`, {
        headers: { cookie: cast.south.cookie },
      });
      expect(stream.status).toBe(200);
      const reader = new EventStreamReader(stream.body!);
      try {
        expect(await reader.next()).toEqual({ kind: "comment", text: "connected" });
        const created = await a.api(
          "POST",
          `/api/partnerships/${cast.partnershipId}/posts`,
          {
            title: "Pilot shipped",
            body: {
              type: "doc",
              content: [{ type: "paragraph", content: [{ type: "text", text: "Done" }] }],
            },
            tag: "success",
          },
          cast.north.cookie,
        );
        expect(created.status).toBe(201);
        const message = await reader.next(10_000);
        expect(message).toMatchObject({
          kind: "event",
          data: {
            type: "post.created",
            post: { id: created.body.post.id, title: "Pilot shipped" },
          },
        });
      } finally {
        await reader.close();
      }
    });

    it("closes a removed member's sockets on every instance", async () => {
      const [a, b] = instances as [ServerProcess, ServerProcess];
      const viewer = b.connect(charter, cast.northViewer.cookie);
      await viewer.synced;
      const closed = new Promise<number>((resolve) => {
        viewer.provider.on("connection-close", (event: { code: number } | null) =>
          resolve(event?.code ?? 0),
        );
      });
      const removal = await a.api(
        "DELETE",
        `/api/partnerships/${cast.partnershipId}/members/${cast.northViewer.id}`,
        undefined,
        cast.north.cookie,
      );
      expect(removal.status).toBe(204);
      expect(await closed).toBe(CloseCode.Forbidden);
    });

    it("closes the sockets on a deleted meeting's document on every instance", async () => {
      const [a, b] = instances as [ServerProcess, ServerProcess];
      const created = await a.api(
        "POST",
        `/api/partnerships/${cast.partnershipId}/meetings`,
        {
          title: "Quarterly review",
          kind: "steering_committee",
          level: "strategic",
          startsAt: "2026-12-10T09:00:00Z",
          durationMinutes: 60,
        },
        cast.north.cookie,
      );
      expect(created.status).toBe(201);
      const meetingId = created.body.meeting.id as string;
      const meeting = formatDocumentName({
        kind: "meeting",
        partnershipId: cast.partnershipId,
        meetingId,
      });
      const notes = b.connect(meeting, cast.south.cookie);
      const onCharter = b.connect(charter, cast.south.cookie);
      await Promise.all([notes.synced, onCharter.synced]);
      const closed = new Promise<number>((resolve) => {
        notes.provider.on("connection-close", (event: { code: number } | null) =>
          resolve(event?.code ?? 0),
        );
      });
      let charterClosed = false;
      onCharter.provider.on("connection-close", () => (charterClosed = true));

      const deletion = await a.api(
        "DELETE",
        `/api/meetings/${meetingId}`,
        undefined,
        cast.north.cookie,
      );
      expect(deletion.status).toBe(204);
      expect(await closed).toBe(CloseCode.DocumentDeleted);
      expect(await b.upgradeStatus(meeting, cast.south.cookie)).toBe(403);
      expect(charterClosed).toBe(false);
      expect(onCharter.provider.wsconnected).toBe(true);
    });
  },
);

/** An update log in memory whose first load waits until the test releases it. */
class GatedLog implements UpdateLog {
  loadStarted!: () => void;
  readonly loading = new Promise<void>((resolve) => (this.loadStarted = resolve));
  release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  async load(): Promise<StoredDocument> {
    this.loadStarted();
    await this.gate;
    return { snapshot: null, updates: [], lastUpdateId: 0 };
  }
  appendAll(_name: string, updates: readonly PendingUpdate[]): Promise<number[]> {
    return Promise.resolve(updates.map((_, i) => i + 1));
  }
  compact(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

describe.skipIf(missing !== null && !IN_CI)("the Redis instance bus", () => {
  let redis: RedisProcess | undefined;
  const buses: RedisBus[] = [];

  afterEach(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    buses.length = 0;
    await redis?.dispose();
  });

  it("keeps an update that arrives from another instance before the document finished loading", async () => {
    if (missing) throw new Error(`Missing service: ${missing}`);
    redis = await RedisProcess.start();
    const logger = createLogger({ level: "silent" });
    const here = await RedisBus.connect(redis.url, logger);
    const there = await RedisBus.connect(redis.url, logger);
    buses.push(here, there);
    const log = new GatedLog();
    const room = new DocumentRoom(
      "p/charter",
      {
        log,
        bus: here,
        logger,
        metrics: new SyncMetrics(),
        compactAfterUpdates: 1000,
        observers: [],
      },
      () => {},
    );
    const received: Uint8Array[] = [];
    const connection: SyncConnection = {
      access: "write",
      stamp: { userId: "u", organizationId: "o" },
      userName: "U",
      organizationName: "O",
      send: (message) => received.push(message),
      close: () => {},
    };
    room.join(connection);

    // Subscribed, still reading storage: another instance stores and publishes an update.
    await log.loading;
    const remote = new Y.Doc();
    appendParagraph(remote, "from the other instance");
    there.publish("p/charter", { kind: "update", update: Y.encodeStateAsUpdate(remote) });
    await sleep(100);
    expect(paragraphs(room.doc)).toEqual([]);

    log.release();
    await eventually(
      () => paragraphs(room.doc).length === 1,
      5000,
      "the early update to be applied",
    );
    await room.whenIdle();
    expect(paragraphs(room.doc)).toEqual(["from the other instance"]);
    // The client was greeted first (step 1), then relayed the update.
    const relayed = encoding.createEncoder();
    encoding.writeVarUint(relayed, MessageType.Sync);
    encoding.writeVarUint(relayed, syncProtocol.messageYjsUpdate);
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(Array.from(received.at(-1)!.slice(0, 2))).toEqual(
      Array.from(encoding.toUint8Array(relayed)),
    );
    room.destroy();
  });
});
