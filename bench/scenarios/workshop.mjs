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
 * clients, until p99 passes 100 ms, something is lost, or the rates run out. Throughput
 * is the highest delivered rate of a step whose p99 stayed within 100 ms.
 */
export async function stepped(server, { doc, editors, rates, seconds, limitMs = 100 }) {
  let tracker = new Tracker();
  const proxy = { onReceive: (r, u, t) => tracker.onReceive(r, u, t) };
  const specs = Array.from({ length: editors }, (_, client) => ({ doc, client }));
  const { clients } = await connectAll(server, specs, { tracker: proxy });
  const steps = [];
  for (const rate of rates) {
    tracker = new Tracker();
    const sampler = startSampler(server.pids);
    const lagMs = await typeAtRate(clients, rate, seconds, tracker, () => editors - 1, 500);
    await tracker.drain(10_000, 1_000);
    const usage = sampler.stop();
    const report = tracker.report();
    steps.push({
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
    });
    if (!(report.latencyMs.p99 <= limitMs) || report.lost > 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await closeAll(clients);
  const within = steps.filter((s) => s.p99 <= limitMs && s.lost === 0);
  const best = within.reduce(
    (a, s) => (a && a.deliveredPerSecond >= s.deliveredPerSecond ? a : s),
    null,
  );
  return {
    maxDeliveredPerSecondWithin: best?.deliveredPerSecond ?? 0,
    atPerEditor: best?.perEditor ?? null,
    limitedBy:
      steps.length === rates.length && steps.at(-1).p99 <= limitMs
        ? "highest step reached"
        : `p99 > ${limitMs} ms or loss at ${steps.at(-1).perEditor}/s per editor`,
    steps,
  };
}
