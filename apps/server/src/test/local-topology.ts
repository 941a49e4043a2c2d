import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUILT_MAIN, followChild, freePort, healthy, type ExitStatus } from "./server-process.js";
import { NGINX_BIN, SEARCH_PATH as PATH } from "./test-store.js";

/**
 * Test helpers for infra/local-topology.sh: the script as a child process on free loopback
 * ports, the processes it starts, and whether nginx is there to run.
 */

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const TOPOLOGY_SCRIPT = path.join(repositoryRoot, "infra/local-topology.sh");

const OUTPUT_KEPT = 60_000;

/** Why the load balancer cannot run here, or null when nginx is there. */
export function nginxMissing(): string | null {
  try {
    fs.accessSync(NGINX_BIN, fs.constants.X_OK);
    return null;
  } catch {
    return `this test runs nginx and needs ${NGINX_BIN} (apt-get install -y nginx, or set NGINX_BIN)`;
  }
}

/** `postgres://…/name` split into the server (the script's POSTGRES_URL) and the name. */
function splitDatabaseUrl(url: string): { server: string; name: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  const credentials = parsed.username
    ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ""}@`
    : "";
  return { server: `${parsed.protocol}//${credentials}${parsed.host}`, name };
}

export interface ProcessInfo {
  pid: number;
  /** Start time in clock ticks since boot: tells a process from a later one given its pid. */
  startTime: string;
  command: string;
}

const living = new Set<LocalTopology>();
// An interrupted run must not leave the topology behind.
process.once("exit", () => {
  for (const topology of living) topology.kill();
});

/**
 * infra/local-topology.sh running on free loopback ports. It puts each process it starts
 * in a process group of its own, so a last resort kills what it saw the script start.
 */
export class LocalTopology {
  private log = "";
  /** What the script had started once it was ready. */
  private started: ProcessInfo[] = [];
  readonly exited: Promise<ExitStatus>;

  private constructor(
    readonly child: ChildProcess,
    readonly lbPort: number,
    readonly appPorts: readonly [number, number],
  ) {
    this.exited = followChild(child, OUTPUT_KEPT, (tail) => (this.log = tail));
  }

  /**
   * Starts the script on the PostgreSQL database `databaseUrl` and Redis `redisUrl`, and
   * waits for its "ready" line. `env` is added to the script's environment (the instances
   * inherit it).
   */
  static async start(options: {
    databaseUrl: string;
    redisUrl: string;
    env?: Record<string, string>;
    timeoutMs?: number;
  }): Promise<LocalTopology> {
    if (!fs.existsSync(BUILT_MAIN)) {
      throw new Error(`${BUILT_MAIN} does not exist: build the server first (npx tsc -b)`);
    }
    const [lbPort, app1Port, app2Port] = await threeFreePorts();
    const database = splitDatabaseUrl(options.databaseUrl);
    const child = spawn(TOPOLOGY_SCRIPT, [database.name], {
      cwd: repositoryRoot,
      // Its own process group and session: a Ctrl-C meant for the test runner reaches the
      // runner, whose exit handler then kills the script and what it started.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      // Only what the script needs: nothing of the test runner's environment leaks in.
      env: {
        PATH,
        NODE: process.execPath,
        NGINX_BIN,
        POSTGRES_URL: database.server,
        REDIS_URL: options.redisUrl,
        LB_PORT: String(lbPort),
        APP1_PORT: String(app1Port),
        APP2_PORT: String(app2Port),
        PUBLIC_ORIGIN: `http://127.0.0.1:${lbPort}`,
        LOG_LEVEL: "warn",
        ...options.env,
      },
    });
    const topology = new LocalTopology(child, lbPort, [app1Port, app2Port]);
    living.add(topology);
    try {
      await topology.waitUntilReady(options.timeoutMs ?? 60_000);
      topology.started = topology.processes();
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

  /**
   * Stops the script if it still runs (SIGTERM, then SIGKILL), and kills whatever it
   * started that outlived it.
   */
  async dispose(): Promise<void> {
    if (this.running) {
      this.started.push(...this.processes());
      try {
        await this.stop("SIGTERM", 30_000);
      } catch {
        this.kill();
        await this.exited;
      }
    }
    this.kill();
    living.delete(this);
  }

  /** SIGKILL to the script and to every process it was seen to start that still runs. */
  kill(): void {
    if (this.running) this.child.kill("SIGKILL");
    for (const process_ of this.started) if (isAlive(process_)) killQuietly(process_.pid);
  }

  /** Waits for the script's `ready <url>` line, then checks the balancer answers. */
  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const readyLine = `[topology] ready ${this.url}`;
    for (;;) {
      if (!this.running) {
        const { code, signal } = await this.exited;
        throw new Error(
          `infra/local-topology.sh exited while starting (${signal ?? code}):\n${this.log}`,
        );
      }
      if (this.log.includes(readyLine)) {
        if (await healthy(this.url, 2000)) return;
        throw new Error(`"${readyLine}", but /api/health does not answer there:\n${this.log}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`no "${readyLine}" within ${timeoutMs} ms:\n${this.log}`);
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

/** Three distinct free ports: the balancer's and the two instances'. */
async function threeFreePorts(): Promise<[number, number, number]> {
  const ports = new Set<number>();
  for (let attempt = 0; ports.size < 3 && attempt < 20; attempt++) ports.add(await freePort());
  const [first, second, third] = ports;
  if (first === undefined || second === undefined || third === undefined) {
    throw new Error("no three distinct free ports");
  }
  return [first, second, third];
}
