// Child processes the harness starts: every one is killed when the harness exits,
// however it exits, and each is killed by its own PID only.
import { spawn } from "node:child_process";
import net from "node:net";
import { sleep } from "./stats.mjs";

const living = new Set();

function killAll() {
  for (const child of living) {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
}
process.once("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** Starts `node <args>` with `env`; its output is kept (last 20 kB) for error messages. */
export function startNode(args, env, { label = args[0] } = {}) {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, ...env },
    // stdin is a pipe the bench servers watch: when the harness dies they exit.
    stdio: ["pipe", "pipe", "pipe"],
  });
  living.add(child);
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      living.delete(child);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    pid: child.pid,
    label,
    exited,
    output: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const done = await Promise.race([exited, sleep(timeoutMs).then(() => null)]);
      if (!done) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** Waits until `check()` is true, or throws after `timeoutMs` (with the child's output). */
export async function waitUntil(check, { timeoutMs = 30_000, child, what = "server" } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && !child.running()) {
      throw new Error(`${what} exited while starting:\n${child.output()}`);
    }
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not start within ${timeoutMs} ms:\n${child?.output() ?? ""}`);
    }
    await sleep(50);
  }
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

let nextPort = 21_000 + Math.floor(Math.random() * 5_000);

/** A free loopback port below the ephemeral range. */
export async function freePort() {
  for (;;) {
    const port = nextPort++;
    const free = await new Promise((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/** Exits the process when the parent's pipe closes (used by the bench servers). */
export function exitWithParent() {
  process.stdin.on("data", () => {});
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("close", () => process.exit(0));
  process.stdin.resume();
}
