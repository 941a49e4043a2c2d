import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { openStore } from "../db/database.js";
import { SqlUpdateLog } from "../sync/update-log.js";
import { fetchJson, signUpOver, type JsonResponse } from "./http-client.js";
import { connectSyncClient, type SyncClient } from "./sync-client.js";

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The built server: what `pnpm start` and production run. Build it with `npx tsc -b apps/server`. */
export const BUILT_MAIN = path.join(serverRoot, "dist/main.js");

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Follows `child`: after each chunk it prints (on stdout or stderr), `onOutput` is given the
 * last `keep` characters of its output so far. Resolves to how the child exited.
 */
export function followChild(
  child: ChildProcess,
  keep: number,
  onOutput: (tail: string) => void,
): Promise<ExitStatus> {
  let tail = "";
  const kept = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-keep);
    onOutput(tail);
  };
  child.stdout?.on("data", kept);
  child.stderr?.on("data", kept);
  return new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
}

export interface ProcessUser {
  id: string;
  cookie: string;
}

export type ProcessClient = SyncClient;

/** Where a server process keeps its data: its own SQLite file unless `databaseUrl` is set. */
export interface StoreOptions {
  databaseUrl?: string | undefined;
  redisUrl?: string | undefined;
}

const OUTPUT_KEPT = 20_000;
const living = new Set<ServerProcess>();

// A crashed or interrupted test run must not leave servers behind.
process.once("exit", () => {
  for (const server of living) server.child?.kill("SIGKILL");
});

/**
 * The built server (`node apps/server/dist/main.js`) as a child process on a loopback
 * port over a SQLite file of its own, so a test can kill it with any signal and start
 * it again on the same file and port. Stock y-websocket clients connect with a cookie.
 */
export class ServerProcess {
  child: ChildProcess | null = null;
  /** Resolves when the current child has exited. */
  exited: Promise<ExitStatus> = Promise.resolve({ code: null, signal: null });
  private log = "";
  private readonly clients = new Set<ProcessClient>();

  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly main: string,
    private readonly store: StoreOptions,
  ) {}

  /**
   * Starts the built server (or `main`, another build of it) on a fresh SQLite file, or
   * on `databaseUrl` (and `redisUrl`) as one instance of several sharing a store.
   */
  static async start(options: { main?: string } & StoreOptions = {}): Promise<ServerProcess> {
    const main = options.main ?? BUILT_MAIN;
    if (!fs.existsSync(main)) {
      throw new Error(`${main} does not exist: build the server first (npx tsc -b apps/server)`);
    }
    if (main === BUILT_MAIN) warnIfStale();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-process-"));
    const { databaseUrl, redisUrl } = options;
    const server = new ServerProcess(dir, await freePort(), main, { databaseUrl, redisUrl });
    living.add(server);
    try {
      await server.boot();
    } catch (error) {
      await server.dispose();
      throw error;
    }
    return server;
  }

  get databaseFile(): string {
    return path.join(this.dir, "entente.sqlite");
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get syncUrl(): string {
    return `ws://127.0.0.1:${this.port}/sync`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The child's stdout and stderr (the last 20 kB), for failure messages. */
  output(): string {
    return this.log;
  }

  /** Sends `signal` to the server; `exited` tells how it ended. */
  kill(signal: NodeJS.Signals): void {
    if (!this.running) throw new Error("the server is not running");
    this.child!.kill(signal);
  }

  /** Starts the server again on the same SQLite file and port; it must have exited. */
  async restart(): Promise<void> {
    if (this.running) throw new Error("restart: the server is still running");
    await this.exited;
    await this.boot();
  }

  /** Kills the server if it still runs, closes every client and removes the SQLite file. */
  async dispose(): Promise<void> {
    for (const client of [...this.clients]) client.destroy();
    if (this.running) this.child!.kill("SIGKILL");
    await this.exited;
    living.delete(this);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  api<T = any>(
    method: string,
    route: string,
    body?: unknown,
    cookie?: string,
  ): Promise<JsonResponse<T>> {
    return fetchJson<T>(this.url, method, route, body, cookie);
  }

  signup(name: string): Promise<ProcessUser> {
    return signUpOver(this.url, name);
  }

  /** Northwind and Southpeak as editors of one partnership, and a viewer of Northwind. */
  async twoOrganizations() {
    const expectStatus = async <T = any>(
      status: number,
      call: Promise<{ status: number; body: T }>,
    ) => {
      const response = await call;
      if (response.status !== status) {
        throw new Error(
          `expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`,
        );
      }
      return response.body;
    };
    const north = await this.signup("Nora North");
    const northOrg = (
      await expectStatus(
        201,
        this.api("POST", "/api/organizations", { name: "Northwind" }, north.cookie),
      )
    ).organization.id as string;
    const partnershipId = (
      await expectStatus(
        201,
        this.api(
          "POST",
          "/api/partnerships",
          { name: "N × S", organizationId: northOrg },
          north.cookie,
        ),
      )
    ).partnership.id as string;
    const south = await this.signup("Sam South");
    const southOrg = (
      await expectStatus(
        201,
        this.api("POST", "/api/organizations", { name: "Southpeak" }, south.cookie),
      )
    ).organization.id as string;
    const invite = async (kind: string, role: string) =>
      (
        await expectStatus(
          201,
          this.api(
            "POST",
            `/api/partnerships/${partnershipId}/invitations`,
            { kind, role },
            north.cookie,
          ),
        )
      ).invitation.token as string;
    const accept = (token: string, user: ProcessUser) =>
      expectStatus(200, this.api("POST", `/api/invitations/${token}/accept`, {}, user.cookie));
    await accept(await invite("organization", "editor"), south);
    const northViewer = await this.signup("Vic Viewer");
    await accept(await invite("member", "viewer"), northViewer);
    return { partnershipId, north, northOrg, south, southOrg, northViewer };
  }

  /** A stock y-websocket client (Node `ws`, no BroadcastChannel) authenticated by `cookie`. */
  connect(documentName: string, cookie: string, doc = new Y.Doc()): ProcessClient {
    const client = connectSyncClient(
      this.syncUrl,
      documentName,
      cookie,
      (gone) => this.clients.delete(gone),
      doc,
    );
    this.clients.add(client);
    return client;
  }

  /** How an upgrade to `documentName` ends: "open", an HTTP status, or "refused" (nobody listens). */
  upgradeStatus(documentName: string, cookie?: string): Promise<number | "open" | "refused"> {
    return new Promise((resolve) => {
      const socket = new WebSocket(
        `${this.syncUrl}/${documentName}`,
        cookie ? { headers: { cookie } } : {},
      );
      socket.on("unexpected-response", (_request, response) => {
        resolve(response.statusCode ?? 0);
        socket.terminate();
      });
      socket.on("open", () => {
        resolve("open");
        socket.terminate();
      });
      socket.on("error", () => resolve("refused"));
    });
  }

  /**
   * `documentName` as the server would load it from the SQLite file (snapshot and the
   * updates after it), read with the server's own update log while no server runs.
   */
  async storedDocument(documentName: string): Promise<Y.Doc> {
    if (this.running) throw new Error("read the stored document while the server is down");
    const store = openStore(`sqlite:${this.databaseFile}`);
    try {
      const stored = await new SqlUpdateLog(store).load(documentName);
      const doc = new Y.Doc();
      for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
        Y.applyUpdate(doc, part);
      }
      return doc;
    } finally {
      await store.close();
    }
  }

  /** How many updates were ever stored for `documentName` (compaction keeps every row). */
  storedUpdateCount(documentName: string): number {
    const database = new SQLite(this.databaseFile, { readonly: true, fileMustExist: true });
    try {
      const row = database
        .prepare("SELECT count(*) AS count FROM document_updates WHERE document_name = ?")
        .get(documentName) as { count: number };
      return row.count;
    } finally {
      database.close();
    }
  }

  private async boot(): Promise<void> {
    this.log = "";
    const child = spawn(process.execPath, [this.main], {
      // Only what the server needs: nothing of the test runner's environment leaks in.
      env: {
        PORT: String(this.port),
        HOST: "127.0.0.1",
        DATABASE_URL: this.store.databaseUrl ?? `sqlite:${this.databaseFile}`,
        PUBLIC_ORIGIN: this.url,
        ...(this.store.redisUrl ? { REDIS_URL: this.store.redisUrl } : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.exited = followChild(child, OUTPUT_KEPT, (tail) => (this.log = tail));

    const deadline = Date.now() + 20_000;
    for (;;) {
      if (!this.running) {
        const { code, signal } = await this.exited;
        throw new Error(`the server exited while starting (${signal ?? code}):\n${this.log}`);
      }
      if (await healthy(this.url)) return;
      if (Date.now() > deadline) {
        throw new Error(`the server did not answer /api/health within 20 s:\n${this.log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Kills every server process still running and removes their files (for `afterAll`). */
export async function disposeAllServerProcesses(): Promise<void> {
  await Promise.all([...living].map((server) => server.dispose()));
}

/** Whether a server at `url` answers `/api/health` with 200 within `timeoutMs`. */
export async function healthy(url: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * A free port below the kernel's ephemeral range: while the server is down between a kill
 * and its restart, no outgoing connection of another test can be given its port.
 */
export async function freePort(): Promise<number> {
  let ephemeralFrom = 32_768;
  try {
    const [low] = fs.readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").split(/\s+/);
    if (Number(low) > 21_000) ephemeralFrom = Number(low);
  } catch {
    // Not Linux: keep the usual lower bound.
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * (ephemeralFrom - 20_000));
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port below the ephemeral range");
}

let staleChecked = false;

/** Says so when a server source file is newer than its build: the child would run old code. */
function warnIfStale(): void {
  if (staleChecked) return;
  staleChecked = true;
  const sourceRoot = path.join(serverRoot, "src");
  const stale = (fs.readdirSync(sourceRoot, { recursive: true }) as string[]).filter((file) => {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts") || file.startsWith("test/"))
      return false;
    const built = path.join(serverRoot, "dist", file.replace(/\.ts$/, ".js"));
    return (
      !fs.existsSync(built) ||
      fs.statSync(path.join(sourceRoot, file)).mtimeMs > fs.statSync(built).mtimeMs
    );
  });
  if (stale.length > 0) {
    console.warn(
      `⚠ apps/server/dist is older than src (${stale.join(", ")}): run npx tsc -b apps/server`,
    );
  }
}
