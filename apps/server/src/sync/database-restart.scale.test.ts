import { formatDocumentName } from "@entente/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paragraphs } from "../test/charter-text.js";
import {
  eventuallyAsync,
  missingTexts,
  startEditBurst,
  storedParagraphs,
} from "../test/edit-burst.js";
import { eventually } from "../test/live-server.js";
import { PostgresCluster, postgresBinariesMissing } from "../test/postgres-cluster.js";
import { RedisProcess, redisServerMissing } from "../test/redis-process.js";
import { disposeAllServerProcesses, healthy, ServerProcess } from "../test/server-process.js";
import { IN_CI } from "../test/test-store.js";

/**
 * Three built server processes and a Redis over a PostgreSQL cluster of this test's own
 * (never the machine's shared one), restarted three times under an edit burst.
 */
const missing = postgresBinariesMissing() ?? redisServerMissing();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(missing !== null && !IN_CI)(
  "several server instances while their PostgreSQL restarts",
  () => {
    let cluster: PostgresCluster | undefined;
    let redis: RedisProcess | undefined;

    beforeAll(async () => {
      if (missing) throw new Error(`Missing service: ${missing}`);
      cluster = await PostgresCluster.start();
      redis = await RedisProcess.start();
    }, 60_000);

    afterAll(async () => {
      await disposeAllServerProcesses();
      await redis?.dispose();
      await cluster?.dispose();
    });

    it("no instance dies, each answers 503 while the database is away, and every edit is kept", async () => {
      const databaseUrl = await cluster!.createDatabase("restarts");
      const shared = { databaseUrl, redisUrl: redis!.url };
      // One after another: the first migrates the empty database (a loaded machine is slow).
      const instances: ServerProcess[] = [];
      for (let i = 0; i < 3; i++) instances.push(await ServerProcess.start(shared));
      const [a, b, c] = instances as [ServerProcess, ServerProcess, ServerProcess];
      const cast = await a.twoOrganizations();
      const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
      const writers = [
        a.connect(charter, cast.north.cookie),
        b.connect(charter, cast.south.cookie),
        c.connect(charter, cast.north.cookie),
        a.connect(charter, cast.south.cookie),
      ];
      await Promise.all(writers.map((writer) => writer.synced));
      const burst = startEditBurst(writers, 25);

      try {
        for (const mode of ["fast", "immediate", "fast"] as const) {
          await sleep(500);
          await cluster!.stop(mode);
          for (const instance of instances) {
            const me = await instance.api("GET", "/api/me", undefined, cast.north.cookie);
            expect(me.status).toBe(503);
            expect(me.body.error.code).toBe("unavailable");
            expect(await healthy(instance.url)).toBe(false);
            expect(await instance.upgradeStatus(charter, cast.south.cookie)).toBe(503);
          }
          await sleep(500);
          await cluster!.restart();
          await eventuallyAsync(
            async () => (await Promise.all(instances.map((i) => healthy(i.url)))).every(Boolean),
            15_000,
            "every instance's /api/health to answer 200 again",
          );
          for (const instance of instances) expect(instance.running, instance.output()).toBe(true);
        }
        await sleep(500);
      } finally {
        burst.stop();
      }

      for (const instance of instances) {
        expect(instance.running, instance.output()).toBe(true);
        const me = await instance.api("GET", "/api/me", undefined, cast.south.cookie);
        expect(me.status).toBe(200);
      }
      const written = burst.written;
      await eventuallyAsync(
        async () =>
          missingTexts(written, await storedParagraphs(databaseUrl, charter)).length === 0,
        30_000,
        "every edit to be stored",
      );
      const stored = await storedParagraphs(databaseUrl, charter);
      expect(stored).toHaveLength(written.length);
      // Every writer converges, and a fresh client of each instance loads every edit.
      await eventually(
        () => writers.every((writer) => paragraphs(writer.doc).length === written.length),
        15_000,
        "every writer to hold every edit",
      );
      for (const instance of instances) {
        const fresh = instance.connect(charter, cast.north.cookie);
        await fresh.synced;
        expect(new Set(paragraphs(fresh.doc))).toEqual(new Set(written));
      }
    }, 180_000);
  },
);
