// Connecting many clients, and driving keystrokes at a rate.
import { summarize } from "./stats.mjs";

/**
 * Opens one client per spec ({doc, client}), at most `concurrency` connecting at once,
 * and waits until each is synced. Returns the clients, time-to-synced figures and failures.
 */
export async function connectAll(server, specs, { concurrency = 200, ...options } = {}) {
  const clients = new Array(specs.length);
  const times = [];
  let failures = 0;
  let firstError = null;
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < specs.length) {
      const i = next++;
      const { doc, client } = specs[i];
      const c = server.connect(doc, client, options);
      clients[i] = c;
      try {
        times.push(await withTimeout(c.synced, 60_000));
      } catch (error) {
        failures += 1;
        firstError ??= error.message;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, specs.length) }, worker));
  return {
    clients,
    synced: summarize(times),
    failures,
    firstError,
    seconds: (performance.now() - started) / 1000,
  };
}

export function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Every writer types `ratePerSecond` keystrokes a second for `seconds`, each at its own
 * phase; `audience(writer)` is how many other clients should receive each one.
 * Latencies of the first `warmupMs` are not kept (JIT warm-up of harness and server).
 * Returns how far behind schedule the harness fell (ms, max).
 */
export async function typeAtRate(
  writers,
  ratePerSecond,
  seconds,
  tracker,
  audience,
  warmupMs = 1000,
) {
  const period = 1000 / ratePerSecond;
  const start = performance.now();
  tracker.warmupUntil = start + warmupMs;
  const end = start + seconds * 1000;
  const due = writers.map(() => start + Math.random() * period);
  let maxLag = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      for (let i = 0; i < writers.length; i++) {
        const writer = writers[i];
        while (due[i] <= now && due[i] < end) {
          maxLag = Math.max(maxLag, now - due[i]);
          if (!writer.closed) {
            // Stamped before the send; nobody can receive it before this turn ends.
            const sentAt = performance.now();
            tracker.onSend(writer.clientId, writer.type(), audience(writer), sentAt);
          }
          due[i] += period;
        }
      }
      if (now >= end) resolve();
      else setTimeout(tick, 2);
    };
    tick();
  });
  return maxLag;
}

export async function closeAll(clients) {
  for (const client of clients) client?.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
}
