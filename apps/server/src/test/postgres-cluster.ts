import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./server-process.js";
import { POSTGRES_BIN_DIR } from "./test-store.js";

/**
 * Where PostgreSQL's server binaries (initdb, pg_ctl, postgres) are: `ENTENTE_TEST_PG_BIN`,
 * else the newest of Debian's /usr/lib/postgresql/<version>/bin.
 */
function binDirectory(): string | null {
  if (POSTGRES_BIN_DIR) return POSTGRES_BIN_DIR;
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(path.join(root, version, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** PostgreSQL refuses to run as root: the cluster then runs as this account. */
const SERVICE_ACCOUNT = "postgres";

const runningAsRoot = process.getuid?.() === 0;

/** Whether a PostgreSQL cluster of the test's own can be started here; the reason when not. */
export function postgresBinariesMissing(): string | null {
  const bin = binDirectory();
  if (!bin || !fs.existsSync(path.join(bin, "initdb"))) {
    return "these tests start their own PostgreSQL and need its server binaries (apt-get install postgresql, or set ENTENTE_TEST_PG_BIN)";
  }
  if (runningAsRoot && spawnSync("id", ["-u", SERVICE_ACCOUNT]).status !== 0) {
    return `PostgreSQL refuses to run as root and there is no \`${SERVICE_ACCOUNT}\` account to run it as`;
  }
  return null;
}

const living = new Set<PostgresCluster>();

// An interrupted test run must not leave a postgres behind.
process.once("exit", () => {
  for (const cluster of living) cluster.stopNow();
});

/**
 * A PostgreSQL cluster of the test's own (never the machine's shared one), in a temporary
 * folder, on a free loopback port, with trust authentication and no fsync, so a test can
 * stop it (cleanly or as a crash) and start it again on the same data and port, as a
 * maintenance restart or a failover looks to the servers using it.
 */
export class PostgresCluster {
  private running = false;

  private constructor(
    private readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  /** Runs initdb into a fresh folder and starts the cluster. */
  static async start(): Promise<PostgresCluster> {
    const missing = postgresBinariesMissing();
    if (missing) throw new Error(missing);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-pg-"));
    if (runningAsRoot) {
      const owner = `${SERVICE_ACCOUNT}:${SERVICE_ACCOUNT}`;
      await run("chown", [owner, dir]);
    }
    const cluster = new PostgresCluster(binDirectory()!, dir, await freePort());
    living.add(cluster);
    try {
      await cluster.pg("initdb", [
        "-D",
        cluster.dataDir,
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-sync",
      ]);
      await cluster.boot();
    } catch (error) {
      await cluster.dispose();
      throw error;
    }
    return cluster;
  }

  private get dataDir(): string {
    return path.join(this.dir, "data");
  }

  /** A connection URL to `database` (the built-in `postgres` by default). */
  url(database = "postgres"): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates an empty database and answers its URL. */
  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /**
   * Stops the cluster and waits until it is down: `fast` as a maintenance restart does
   * (sessions are terminated), `immediate` as a crash (no shutdown checkpoint).
   */
  async stop(mode: "fast" | "immediate" = "fast"): Promise<void> {
    await this.pg("pg_ctl", ["-D", this.dataDir, "-m", mode, "-w", "stop"]);
    this.running = false;
  }

  /** Starts the stopped cluster again on the same data and port; resolves once it accepts connections. */
  async restart(): Promise<void> {
    if (this.running) throw new Error("restart: the cluster is still running");
    await this.boot();
  }

  /** Stops the cluster at once and removes its folder (for `afterAll`). */
  async dispose(): Promise<void> {
    if (this.running) await this.stop("immediate").catch(() => this.stopNow());
    living.delete(this);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** Synchronous stop, for a test process that is exiting. */
  stopNow(): void {
    if (!this.running) return;
    spawnSync(...this.command("pg_ctl", ["-D", this.dataDir, "-m", "immediate", "stop"]));
    this.running = false;
  }

  private async boot(): Promise<void> {
    const settings = [
      "-c listen_addresses=127.0.0.1",
      `-c port=${this.port}`,
      `-c unix_socket_directories=${this.dir}`,
      "-c fsync=off",
      "-c full_page_writes=off",
      "-c shared_buffers=16MB",
      "-c max_connections=100",
    ].join(" ");
    const logFile = path.join(this.dir, "postgres.log");
    await this.pg("pg_ctl", ["-D", this.dataDir, "-o", settings, "-l", logFile, "-w", "start"]);
    this.running = true;
  }

  /** The command line of a PostgreSQL binary, as the service account when the test runs as root. */
  private command(binary: string, args: string[]): [string, string[]] {
    const file = path.join(this.bin, binary);
    return runningAsRoot ? ["runuser", ["-u", SERVICE_ACCOUNT, "--", file, ...args]] : [file, args];
  }

  private pg(binary: string, args: string[]): Promise<void> {
    return run(...this.command(binary, args));
  }
}

/** Runs a command without blocking the event loop (servers in the test process keep serving). */
function run(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 60_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(" ")} failed: ${stderr}`, { cause: error }));
      else resolve();
    });
  });
}
