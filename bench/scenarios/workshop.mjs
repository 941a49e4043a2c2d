// One document, `editors` editors typing `rate` keystrokes a second each.
import { closeAll, connectAll, typeAtRate } from "../lib/load.mjs";
import { startSampler } from "../lib/proc.mjs";
import { Tracker } from "../lib/tracker.mjs";

export async function workshop(server, { doc, editors, rate, seconds }) {
  const tracker = new Tracker();
  const specs = Array.from({ length: editors }, (_, client) => ({ doc, client }));
  const connected = await connectAll(server, specs, { tracker });
  const clients = connected.clients;
  const sampler = startSampler(server.pids);
  const lagMs = await typeAtRate(clients, rate, seconds, tracker, () => editors - 1);
  await tracker.drain();
  const usage = sampler.stop();
  await closeAll(clients);
  return {
    ...tracker.report(),
    usage,
    timeToSyncedMs: connected.synced,
    connectFailures: connected.failures,
    harnessLagMs: Math.round(lagMs),
    offeredUpdatesPerSecond: editors * rate,
  };
}

/**
 * The workshop at rising rates (`rates` keystrokes a second per editor), on one set of
 * clients, until p99 passes 100 ms, something is lost, or the rates run out; then the rate
 * is bisected between the last step that held and the first that did not (`bisect` more
 * steps, whole keystrokes a second), so the figure resolves better than the ladder's
 * doubling. Throughput is the highest delivered rate of a step whose p99 stayed within 100 ms.
 */
export async function stepped(server, { doc, editors, rates, seconds, bisect = 0, limitMs = 100 }) {
  let tracker = new Tracker();
  const proxy = { onReceive: (r, u, t) => tracker.onReceive(r, u, t) };
  const specs = Array.from({ length: editors }, (_, client) => ({ doc, client }));
  const { clients } = await connectAll(server, specs, { tracker: proxy });
  const steps = [];
  const held = (step) => step.p99 <= limitMs && step.lost === 0;
  const run = async (rate) => {
    tracker = new Tracker();
    const sampler = startSampler(server.pids);
    const lagMs = await typeAtRate(clients, rate, seconds, tracker, () => editors - 1, 500);
    await tracker.drain(10_000, 1_000);
    const usage = sampler.stop();
    const report = tracker.report();
    const step = {
      perEditor: rate,
      offered: editors * rate,
      deliveredPerSecond: report.deliveredPerSecond,
      p99: report.latencyMs.p99,
      lost: report.lost,
      duplicated: report.duplicated,
      serverCpuPercent: Math.round(usage.serverCpuPercent),
      harnessCpuPercent: Math.round(usage.harnessCpuPercent),
      otherCpuPercent: Math.round(usage.otherCpuPercent),
      harnessLagMs: Math.round(lagMs),
    };
    steps.push(step);
    // A step past the limit leaves a backlog behind: let it clear before the next.
    await new Promise((r) => setTimeout(r, held(step) ? 500 : 2_000));
    return step;
  };
  let lastHeld = null;
  let firstFailed = null;
  for (const rate of rates) {
    const step = await run(rate);
    if (!held(step)) {
      firstFailed = rate;
      break;
    }
    lastHeld = rate;
  }
  let low = lastHeld ?? 0;
  let high = firstFailed;
  for (let i = 0; i < bisect && high !== null && high - low > 1; i++) {
    const rate = Math.round((low + high) / 2);
    if (held(await run(rate))) low = rate;
    else high = rate;
  }
  await closeAll(clients);
  const best = steps
    .filter(held)
    .reduce((a, s) => (a && a.deliveredPerSecond >= s.deliveredPerSecond ? a : s), null);
  return {
    maxDeliveredPerSecondWithin: best?.deliveredPerSecond ?? 0,
    atPerEditor: best?.perEditor ?? null,
    limitedBy:
      firstFailed === null
        ? "highest step reached"
        : `p99 > ${limitMs} ms or loss from ${high}/s per editor (held at ${low}/s)`,
    steps,
  };
}
