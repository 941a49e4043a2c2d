import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/**
 * Test helpers for infra/local-topology.sh: the script as a child process on free loopback
 * ports, the processes it starts, and the machine services it needs.
 */

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
export const TOPOLOGY_SCRIPT = path.join(repositoryRoot, "infra/local-topology.sh");
const BUILT_MAIN = path.join(repositoryRoot, "apps/server/dist/main.js");

// The one place these tests read the environment: where the machine's services are.
// eslint-disable-next-line no-restricted-properties -- test harness, not server configuration
const environment = process.env;
export const IN_CI = Boolean(environment.CI);
export const NGINX = environment.NGINX ?? "/usr/sbin/nginx";
const POSTGRES_ADMIN_URL =
  environment.ENTENTE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const REDIS_URL = environment.ENTENTE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const OUTPUT_KEPT = 60_000;

/** What the scale tests need from the machine and do not find, each with how to get it. */
export async function missingPrerequisites(): Promise<string[]> {
  const missing: string[] = [];
  try {
    fs.accessSync(NGINX, fs.constants.X_OK);
  } catch {
    missing.push(`nginx at ${NGINX} (apt-get install -y nginx, or set NGINX)`);
  }
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    missing.push(`PostgreSQL at ${redact(POSTGRES_ADMIN_URL)} (set ENTENTE_TEST_POSTGRES_URL)`);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!(await redisAnswers(REDIS_URL))) {
    missing.push(`Redis at ${redact(REDIS_URL)} (redis-server, or set ENTENTE_TEST_REDIS_URL)`);
  }
  return missing;
}

/** A fresh PostgreSQL database name on the test server; `drop` removes it even if in use. */
export async function createTestDatabase(): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `entente_topology_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { name, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The test PostgreSQL server's URL without a database: what the script's POSTGRES_URL takes. */
export function postgresServerUrl(): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  const credentials = url.username
    ? `${url.username}${url.password ? `:${url.password}` : ""}@`
    : "";
  return `${url.protocol}//${credentials}${url.host}`;
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface ProcessInfo {
  pid: number;
  /** Start time in clock ticks since boot: tells a process from a later one given its pid. */
  startTime: string;
  command: string;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const living = new Set<LocalTopology>();
// An interrupted run must not leave the topology behind.
process.once("exit", () => {
  for (const topology of living) topology.killGroup();
});

/**
 * infra/local-topology.sh running on free loopback ports, in a process group of its own
 * (so a last resort can kill everything it started at once).
 */
export class LocalTopology {
  private log = "";
  readonly exited: Promise<ExitStatus>;

  private constructor(
    readonly child: ChildProcess,
    readonly lbPort: number,
    readonly appPorts: readonly [number, number],
  ) {
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => resolve({ code, signal }));
    });
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString("utf8")).slice(-OUTPUT_KEPT);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
  }

  /**
   * Starts the script on `databaseName` and waits until the load balancer answers
   * /api/health. `env` is added to the script's environment (the instances inherit it).
   */
  static async start(options: {
    databaseName: string;
    env?: Record<string, string>;
    timeoutMs?: number;
  }): Promise<LocalTopology> {
    if (!fs.existsSync(BUILT_MAIN)) {
      throw new Error(`${BUILT_MAIN} does not exist: build the server first (npx tsc -b)`);
    }
    const [lbPort, app1Port, app2Port] = await freePorts();
    const lbOrigin = `http://127.0.0.1:${lbPort}`;
    const child = spawn(TOPOLOGY_SCRIPT, [options.databaseName], {
      cwd: repositoryRoot,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      // Only what the script needs: nothing of the test runner's environment leaks in.
      env: {
        PATH: environment.PATH ?? "/usr/local/bin:/usr/bin:/bin",
        NODE: process.execPath,
        NGINX,
        POSTGRES_URL: postgresServerUrl(),
        REDIS_URL,
        LB_PORT: String(lbPort),
        APP1_PORT: String(app1Port),
        APP2_PORT: String(app2Port),
        PUBLIC_ORIGIN: lbOrigin,
        LOG_LEVEL: "warn",
        ...options.env,
      },
    });
    const topology = new LocalTopology(child, lbPort, [app1Port, app2Port]);
    living.add(topology);
    try {
      await topology.waitUntilReady(options.timeoutMs ?? 60_000);
    } catch (error) {
      await topology.dispose();
      throw error;
    }
    return topology;
  }

  get url(): string {
    return `http://127.0.0.1:${this.lbPort}`;
  }

  get ports(): number[] {
    return [this.lbPort, ...this.appPorts];
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The script's output and that of what it started (the last 60 kB), for failure messages. */
  output(): string {
    return this.log;
  }

  /** Every process the script started (and theirs), as it is now. */
  processes(): ProcessInfo[] {
    return this.child.pid === undefined ? [] : descendantsOf(this.child.pid);
  }

  /** Sends `signal` to the script alone and waits for it to end (throws after `timeoutMs`). */
  async stop(signal: NodeJS.Signals, timeoutMs: number): Promise<ExitStatus> {
    if (this.running) this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the script did not end within ${timeoutMs} ms of ${signal}`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops the script if it still runs (SIGTERM, then SIGKILL to its whole process group). */
  async dispose(): Promise<void> {
    if (this.running) {
      const started = this.processes();
      try {
        await this.stop("SIGTERM", 30_000);
      } catch {
        this.killGroup();
        for (const process_ of started) if (isAlive(process_)) killQuietly(process_.pid);
        await this.exited;
      }
    }
    living.delete(this);
  }

  /** SIGKILL to the script's process group: it and everything it started. */
  killGroup(): void {
    if (this.child.pid !== undefined) killQuietly(-this.child.pid);
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) {
        const { code, signal } = await this.exited;
        throw new Error(
          `infra/local-topology.sh exited while starting (${signal ?? code}):\n${this.log}`,
        );
      }
      if (await answersHealth(this.url)) return;
      if (Date.now() > deadline) {
        throw new Error(
          `the load balancer did not answer /api/health within ${timeoutMs} ms:\n${this.log}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Whether the process is still there (not ended, not a zombie, not a newer one on its pid). */
export function isAlive(process_: ProcessInfo): boolean {
  const stat = readStat(process_.pid);
  return stat !== null && stat.state !== "Z" && stat.startTime === process_.startTime;
}

/** Whether nothing listens on 127.0.0.1:`port` (we can listen there ourselves). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** The descendants of `root` (children, their children, …), read from /proc. */
function descendantsOf(root: number): ProcessInfo[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat === null) continue;
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
  }
  const found: ProcessInfo[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const stat = readStat(pid);
    if (stat === null) continue;
    let command = "";
    try {
      command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    } catch {
      // Ended meanwhile.
    }
    found.push({ pid, startTime: stat.startTime, command });
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

function readStat(pid: number): { state: string; ppid: number; startTime: string } | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // "pid (comm) state ppid … starttime(22nd field) …"; comm may hold spaces and parentheses.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const [state, ppid] = fields;
  const startTime = fields[19];
  if (state === undefined || ppid === undefined || startTime === undefined) return null;
  return { state, ppid: Number(ppid), startTime };
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

async function answersHealth(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** Redis answers PING (or asks for a password, which the URL carries). */
function redisAnswers(redisUrl: string): Promise<boolean> {
  const url = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 6379) });
    socket.setTimeout(3000);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString("utf8"))));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

/**
 * Distinct free ports below the kernel's ephemeral range, so no outgoing connection
 * takes one between this check and the script's processes listening on it.
 */
async function freePorts(): Promise<[number, number, number]> {
  let ephemeralFrom = 32_768;
  try {
    const [low] = fs.readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").split(/\s+/);
    if (Number(low) > 21_000) ephemeralFrom = Number(low);
  } catch {
    // Keep the usual lower bound.
  }
  const ports = new Set<number>();
  for (let attempt = 0; ports.size < 3 && attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * (ephemeralFrom - 20_000));
    if (!ports.has(port) && (await portIsFree(port))) ports.add(port);
  }
  const [first, second, third] = ports;
  if (third === undefined) throw new Error("no 3 free ports below the ephemeral range");
  return [first!, second!, third];
}
