import { formatDocumentName } from "@entente/domain";
import { CloseCode } from "@entente/protocol";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { paragraphs } from "../test/charter-text.js";
import {
  eventuallyAsync,
  missingTexts,
  startEditBurst,
  storedParagraphs,
  type EditBurst,
} from "../test/edit-burst.js";
import { eventually, LiveServer, type SyncClient } from "../test/live-server.js";
import { PostgresCluster, postgresBinariesMissing } from "../test/postgres-cluster.js";
import { IN_CI } from "../test/test-store.js";

/**
 * The server over a PostgreSQL cluster of this test's own, restarted under its feet. It
 * runs whatever ENTENTE_TEST_STORE says (it never touches the shared PostgreSQL); it is
 * skipped only where PostgreSQL's server binaries are missing, and fails then under CI.
 */
const missing = postgresBinariesMissing();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(missing !== null && !IN_CI)("the server while its PostgreSQL restarts", () => {
  let cluster: PostgresCluster;
  let live: LiveServer | undefined;
  let burst: EditBurst | undefined;
  let databases = 0;

  beforeAll(async () => {
    if (missing) throw new Error(`Missing service: ${missing}`);
    cluster = await PostgresCluster.start();
  }, 60_000);

  afterEach(async () => {
    burst?.stop();
    // The cluster may be down if a test failed mid-outage.
    await cluster.restart().catch(() => {});
    await live?.close();
    live = undefined;
  });

  afterAll(async () => {
    await cluster?.dispose();
  });

  async function startLive(options: { storageOutageMs?: number } = {}) {
    const url = await cluster.createDatabase(`restart_${++databases}`);
    live = await LiveServer.startOn(url, options);
    const cast = await live.twoOrganizations();
    const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    return { url, live, cast, charter };
  }

  /** Close codes each client's socket saw. */
  function watchCloses(clients: readonly SyncClient[]): number[][] {
    return clients.map((client) => {
      const codes: number[] = [];
      client.provider.on("connection-close", (event) => {
        if (event) codes.push(event.code);
      });
      return codes;
    });
  }

  /** Every edit is stored, and a fresh client and every writer end up with all of them. */
  async function expectEveryEditKept(
    server: LiveServer,
    url: string,
    charter: string,
    cookie: string,
    writers: readonly SyncClient[],
    written: readonly string[],
  ) {
    await eventuallyAsync(
      async () => missingTexts(written, await storedParagraphs(url, charter)).length === 0,
      20_000,
      "every edit to be stored",
    ).catch(async (error: unknown) => {
      const stored = await storedParagraphs(url, charter);
      console.log(
        "DEBUG",
        written.length,
        stored.length,
        missingTexts(written, stored),
        writers.map((w) => [paragraphs(w.doc).length, w.provider.wsconnected, w.provider.synced]),
      );
      throw error;
    });
    const stored = await storedParagraphs(url, charter);
    expect(missingTexts(written, stored)).toEqual([]);
    expect(stored).toHaveLength(written.length);

    const fresh = server.connect(charter, cookie);
    await fresh.synced;
    expect(new Set(paragraphs(fresh.doc))).toEqual(new Set(written));
    await eventually(
      () => writers.every((writer) => paragraphs(writer.doc).length === written.length),
      10_000,
      "every writer to hold every edit",
    );
  }

  it("rides out three restarts under an edit burst: 503 while away, every edit kept, sockets kept", async () => {
    const { url, live, cast, charter } = await startLive();
    const writers = [cast.north, cast.south, cast.north, cast.south].map((user) =>
      live.connect(charter, user.cookie),
    );
    await Promise.all(writers.map((writer) => writer.synced));
    const closes = watchCloses(writers);
    burst = startEditBurst(writers);

    for (const mode of ["fast", "immediate", "fast"] as const) {
      await sleep(400);
      await cluster.stop(mode);

      // While the database is away: a clear 503 over HTTP and on upgrade, nothing else.
      const me = await live.api("GET", "/api/me", undefined, cast.north.cookie);
      expect(me.status).toBe(503);
      expect(me.body).toEqual({ error: { code: "unavailable", message: expect.any(String) } });
      expect(me.headers.get("retry-after")).toBe("2");
      const health = await live.api("GET", "/api/health");
      expect(health.status).toBe(503);
      expect(health.body.error.code).toBe("unavailable");
      expect(await live.upgradeStatus(charter, cast.south.cookie)).toBe(503);
      // People keep typing into the outage.
      await sleep(500);

      await cluster.restart();
      await eventuallyAsync(
        async () => (await live.api("GET", "/api/health")).status === 200,
        10_000,
        "/api/health to answer 200 again",
      );
    }
    await sleep(400);
    burst.stop();

    expect((await live.api("GET", "/api/me", undefined, cast.north.cookie)).status).toBe(200);
    expect(await live.upgradeStatus(charter, cast.south.cookie)).toBe("open");
    await expectEveryEditKept(live, url, charter, cast.south.cookie, writers, burst.written);
    // The rooms held the updates through each outage: no socket was closed.
    expect(closes).toEqual(writers.map(() => []));
  }, 90_000);

  it("closes sockets with 4503 when the database stays away longer than updates are held, and clients resend", async () => {
    const { url, live, cast, charter } = await startLive({ storageOutageMs: 500 });
    const writers = [cast.north, cast.south].map((user) => live.connect(charter, user.cookie));
    await Promise.all(writers.map((writer) => writer.synced));
    const closes = watchCloses(writers);
    burst = startEditBurst(writers);

    await sleep(300);
    await cluster.stop("fast");
    await eventually(
      () => closes.every((codes) => codes.includes(CloseCode.StorageUnavailable)),
      10_000,
      "every socket to be closed with 4503",
    );
    // Reconnecting clients are refused with 503 until the database is back.
    expect(await live.upgradeStatus(charter, cast.north.cookie)).toBe(503);
    await sleep(1000);
    await cluster.restart();
    await eventually(
      () => writers.every((writer) => writer.provider.wsconnected),
      15_000,
      "the clients to reconnect",
    );
    await sleep(300);
    burst.stop();

    await expectEveryEditKept(live, url, charter, cast.north.cookie, writers, burst.written);
    // 4503, then 1006 for reconnections refused with 503 while the database was away;
    // nothing a stock client takes as final (4400–4499).
    const otherCodes = closes.flat().filter((code) => code !== CloseCode.StorageUnavailable);
    expect(otherCodes.filter((code) => code !== 1006)).toEqual([]);
  }, 90_000);
});
