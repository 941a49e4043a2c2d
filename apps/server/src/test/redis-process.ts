import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import { freePort } from "./server-process.js";
import { REDIS_SERVER_COMMAND as REDIS_SERVER } from "./test-store.js";

/** Whether `redis-server` can be started here; the reason when not. */
export function redisServerMissing(): string | null {
  const probe = spawnSync(REDIS_SERVER, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    return `these tests start their own Redis and need \`${REDIS_SERVER}\` (apt-get install redis-server, or set ENTENTE_TEST_REDIS_SERVER)`;
  }
  return null;
}

const living = new Set<RedisProcess>();
process.once("exit", () => {
  for (const redis of living) redis.child?.kill("SIGKILL");
});

/**
 * A Redis server of the test's own on a loopback port, keeping nothing on disk, so a
 * test can kill it mid-edit and start it again on the same port.
 */
export class RedisProcess {
  child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisProcess> {
    const redis = new RedisProcess(await freePort());
    living.add(redis);
    await redis.boot();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Kills Redis at once (what a crash looks like to the instances). */
  async kill(): Promise<void> {
    this.child?.kill("SIGKILL");
    await this.exited;
  }

  /** Starts Redis again on the same port, empty. */
  restart(): Promise<void> {
    return this.boot();
  }

  async dispose(): Promise<void> {
    await this.kill();
    living.delete(this);
  }

  private async boot(): Promise<void> {
    const child = spawn(
      REDIS_SERVER,
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const deadline = Date.now() + 10_000;
    while (!(await answersPing(this.port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited on port ${this.port}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${this.port}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}
