import { randomBytes } from "node:crypto";
import http from "node:http";
import { formatDocumentName } from "@entente/domain";
import { charterPlainText } from "@entente/editor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { appendParagraph } from "../test/charter-text.js";
import { fetchJson, signUpOver } from "../test/http-client.js";
import { RedisProcess, redisServerMissing } from "../test/redis-process.js";
import { connectSyncClient, type SyncClient } from "../test/sync-client.js";
import {
  IN_CI,
  postgresMissing,
  tempPostgresDatabase,
  type TempDatabase,
} from "../test/test-store.js";
import {
  isAlive,
  LocalTopology,
  nginxMissing,
  portIsFree,
  type ProcessInfo,
} from "../test/local-topology.js";

/**
 * infra/local-topology.sh, the compose topology without Docker: two instances of the built
 * server and nginx in front, here over a fresh PostgreSQL database and a Redis of the
 * test's own. Everything below goes through the load balancer, as a browser would; each
 * instance's own port is only read for its metrics (which instance holds which socket).
 */

const missing = [nginxMissing(), await postgresMissing(), redisServerMissing()].filter(
  (reason): reason is string => reason !== null,
);
const skip = missing.length > 0 && !IN_CI;
if (skip) console.warn(`⚠ local-topology.scale.test.ts SKIPPED: ${missing.join("; ")}`);

const METRICS_TOKEN = randomBytes(24).toString("hex");

interface Member {
  id: string;
  cookie: string;
  name: string;
}

/** Waits for an (async) condition, polling; throws after `timeoutMs` saying what it waited for. */
async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(skip)(
  `two instances behind nginx (infra/local-topology.sh)${skip ? ` SKIPPED: ${missing.join("; ")}` : ""}`,
  () => {
    let database: TempDatabase | undefined;
    let redis: RedisProcess | undefined;
    let topology: LocalTopology;
    let north: Member;
    let south: Member;
    let charter: string;
    const clients = new Set<SyncClient>();

    /** One instance's figures, straight from its own port (the balancer hides /metrics). */
    async function metrics(port: number): Promise<string> {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        signal: AbortSignal.timeout(3000),
      });
      if (response.status !== 200) throw new Error(`GET :${port}/metrics: ${response.status}`);
      return response.text();
    }

    /** How many sync sockets each instance holds: [app1, app2]. */
    async function openSockets(): Promise<number[]> {
      return Promise.all(
        topology.appPorts.map(async (port) => {
          const line = (await metrics(port)).match(/^entente_sync_connections_open (\d+)$/m);
          if (!line) throw new Error(`no entente_sync_connections_open on :${port}`);
          return Number(line[1]);
        }),
      );
    }

    /** How many API requests (health checks aside) each instance answered: [app1, app2]. */
    async function apiRequests(): Promise<number[]> {
      return Promise.all(
        topology.appPorts.map(async (port) =>
          (await metrics(port))
            .split("\n")
            .filter((l) => l.startsWith("entente_http_requests_total{") && !l.includes("/health"))
            .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(" ") + 1)), 0),
        ),
      );
    }

    async function expectStatus<T = any>(
      status: number,
      call: Promise<{ status: number; body: T }>,
    ): Promise<T> {
      const response = await call;
      if (response.status !== status) {
        throw new Error(
          `expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`,
        );
      }
      return response.body;
    }

    /** A login attempt with chosen Host and Origin headers (fetch cannot set Host). */
    function post(
      baseUrl: string,
      route: string,
      headers: { host?: string; origin: string },
    ): Promise<{ status: number; body: string }> {
      const body = JSON.stringify({ email: "nobody@example.test", password: "not-the-password" });
      return new Promise((resolve, reject) => {
        const request = http.request(
          `${baseUrl}${route}`,
          {
            method: "POST",
            headers: { "content-type": "application/json", ...headers },
            timeout: 5000,
          },
          (response) => {
            let text = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => (text += chunk));
            response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
          },
        );
        request.on("timeout", () => request.destroy(new Error(`POST ${route} timed out`)));
        request.on("error", reject);
        request.end(body);
      });
    }

    /** How an upgrade through the balancer ends: "open" or the HTTP status. */
    function upgrade(documentName: string, cookie: string, origin: string) {
      return new Promise<number | "open">((resolve, reject) => {
        const socket = new WebSocket(`${syncUrl()}/${documentName}`, {
          headers: { cookie },
          origin,
          handshakeTimeout: 5000,
        });
        socket.on("unexpected-response", (_request, response) => {
          resolve(response.statusCode ?? 0);
          socket.terminate();
        });
        socket.on("open", () => {
          resolve("open");
          socket.close();
        });
        socket.on("error", reject);
      });
    }

    const syncUrl = () => `${topology.url.replace(/^http/, "ws")}/sync`;

    const api = <T = any>(method: string, route: string, body: unknown, member: Member) =>
      fetchJson<T>(topology.url, method, route, body, member.cookie);

    /** A stock y-websocket client through the load balancer. */
    async function connect(member: Member): Promise<SyncClient> {
      const client = connectSyncClient(syncUrl(), charter, member.cookie, (gone) =>
        clients.delete(gone),
      );
      clients.add(client);
      await Promise.race([
        client.synced,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`${member.name}: no sync within 10 s`)), 10_000),
        ),
      ]);
      return client;
    }

    beforeAll(async () => {
      if (missing.length > 0) {
        throw new Error(missing.join("; "));
      }
      database = await tempPostgresDatabase();
      redis = await RedisProcess.start();
      topology = await LocalTopology.start({
        databaseUrl: database.url,
        redisUrl: redis.url,
        env: { METRICS_TOKEN },
      });

      // Two members of two organizations in one partnership, set up through the balancer.
      const member = async (name: string): Promise<Member> => ({
        ...(await signUpOver(topology.url, name)),
        name,
      });
      north = await member("Nora North");
      const northOrg = (
        await expectStatus(201, api("POST", "/api/organizations", { name: "Northwind" }, north))
      ).organization.id as string;
      const partnershipId = (
        await expectStatus(
          201,
          api("POST", "/api/partnerships", { name: "N × S", organizationId: northOrg }, north),
        )
      ).partnership.id as string;
      south = await member("Sam South");
      await expectStatus(201, api("POST", "/api/organizations", { name: "Southpeak" }, south));
      const token = (
        await expectStatus(
          201,
          api(
            "POST",
            `/api/partnerships/${partnershipId}/invitations`,
            { kind: "organization", role: "editor" },
            north,
          ),
        )
      ).invitation.token as string;
      await expectStatus(200, api("POST", `/api/invitations/${token}/accept`, {}, south));
      // Each session is good on either instance: they share one database.
      for (let i = 0; i < 4; i++) {
        const me = await expectStatus(200, api("GET", "/api/me", undefined, south));
        expect(me.partnerships.map((p: { id: string }) => p.id)).toEqual([partnershipId]);
      }
      charter = formatDocumentName({ kind: "charter", partnershipId });
    }, 90_000);

    afterAll(async () => {
      for (const client of [...clients]) client.destroy();
      try {
        await topology?.dispose();
      } finally {
        await redis?.dispose();
        await database?.cleanup();
      }
    }, 60_000);

    it("balances the API over both instances", async () => {
      const [app1, app2] = await apiRequests();
      expect(app1, "API requests app1 answered").toBeGreaterThan(0);
      expect(app2, "API requests app2 answered").toBeGreaterThan(0);
    }, 30_000);

    it("keeps the server's checks behind the balancer: same origin, and /metrics hidden", async () => {
      // A page on another site: refused, for the API and for the sync socket.
      const evil = "http://evil.example";
      expect((await post(topology.url, "/api/auth/login", { origin: evil })).status).toBe(403);
      expect(await upgrade(charter, north.cookie, evil)).toBe(403);
      // The balancer forwards the Host the browser sent, port included: a page reached
      // under another name than PUBLIC_ORIGIN (here localhost) is still same-origin.
      const otherName = `localhost:${topology.lbPort}`;
      const sameSite = await post(topology.url, "/api/auth/login", {
        host: otherName,
        origin: `http://${otherName}`,
      });
      expect(sameSite.status, sameSite.body).toBe(401);
      expect(await upgrade(charter, north.cookie, topology.url)).toBe("open");

      const hidden = await fetch(`${topology.url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(hidden.status).toBe(404);
    }, 30_000);

    it("proxies WebSockets to both instances, and edits and presence cross between them", async () => {
      await eventually(async () => (await openSockets()).join() === "0,0", "no socket open yet");

      // North's socket lands on one instance; south's are opened until one lands on the
      // other (the balancer sends a new socket to the instance with fewer).
      const northClient = await connect(north);
      await eventually(
        async () => (await openSockets()).reduce((a, b) => a + b) === 1,
        "north's socket",
      );
      const northOn = (await openSockets()).indexOf(1);
      let southClient: SyncClient | undefined;
      for (let attempt = 0; attempt < 5 && !southClient; attempt++) {
        const candidate = await connect(south);
        await eventually(
          async () => (await openSockets()).reduce((a, b) => a + b) === 2,
          "south's socket",
        );
        const sockets = await openSockets();
        if (sockets[northOn] === 1) {
          southClient = candidate;
        } else {
          candidate.destroy();
          await eventually(
            async () => (await openSockets()).reduce((a, b) => a + b) === 1,
            "south's socket to close",
          );
        }
      }
      expect(southClient, "a south socket on the instance north is not on").toBeDefined();
      expect(await openSockets()).toEqual([1, 1]);
      const southOn = 1 - northOn;

      // Edits, both ways.
      appendParagraph(northClient.doc, `north, through app${northOn + 1}`);
      await eventually(
        () => charterPlainText(southClient!.doc).includes(`north, through app${northOn + 1}`),
        `north's edit to reach south on app${southOn + 1}`,
      );
      appendParagraph(southClient!.doc, `south, through app${southOn + 1}`);
      await eventually(
        () => charterPlainText(northClient.doc).includes(`south, through app${southOn + 1}`),
        `south's edit to reach north on app${northOn + 1}`,
      );
      expect(charterPlainText(northClient.doc)).toBe(charterPlainText(southClient!.doc));

      // Presence, both ways.
      northClient.provider.awareness.setLocalStateField("user", { name: north.name });
      southClient!.provider.awareness.setLocalStateField("user", { name: south.name });
      const presence = (client: SyncClient, of: SyncClient) =>
        (
          client.provider.awareness.getStates().get(of.doc.clientID) as
            { user?: { name?: string } } | undefined
        )?.user?.name;
      await eventually(
        () => presence(southClient!, northClient) === north.name,
        "north's presence at south",
      );
      await eventually(
        () => presence(northClient, southClient!) === south.name,
        "south's presence at north",
      );

      // North leaves: its presence goes for south too, on the other instance.
      const northId = northClient.doc.clientID;
      northClient.destroy();
      await eventually(
        () => !southClient!.provider.awareness.getStates().has(northId),
        "north's presence to leave south",
      );
      southClient!.destroy();
      await eventually(
        async () => (await openSockets()).reduce((a, b) => a + b) === 0,
        "every socket closed",
      );
    }, 60_000);

    it("stops everything it started on SIGTERM", async () => {
      const started: ProcessInfo[] = topology.processes();
      const servers = started.filter((p) => p.command.includes("apps/server/dist/main.js"));
      const nginx = started.filter((p) => p.command.startsWith("nginx:"));
      expect(servers, topology.output()).toHaveLength(2);
      expect(nginx.map((p) => p.command)).toEqual(
        expect.arrayContaining([
          expect.stringContaining("master process"),
          expect.stringContaining("worker process"),
        ]),
      );

      expect(await topology.stop("SIGTERM", 40_000)).toEqual({ code: 0, signal: null });
      expect(started.filter(isAlive), "processes still alive").toEqual([]);
      for (const port of topology.ports)
        expect(await portIsFree(port), `port ${port} free`).toBe(true);
      expect(topology.output()).toContain("[topology] stopped");
    }, 60_000);
  },
);
