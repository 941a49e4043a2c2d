// `connections` idle sockets over `docs` documents: memory per connection, idle CPU.
import { closeAll, connectAll } from "../lib/load.mjs";
import { rssOf, startSampler } from "../lib/proc.mjs";
import { sleep } from "../lib/stats.mjs";

export async function idle(server, { connections, docs, holdSeconds }) {
  await sleep(1000);
  const before = rssOf(server.pids);
  const specs = Array.from({ length: connections }, (_, i) => ({
    doc: i % docs,
    client: Math.floor(i / docs),
  }));
  const connectSampler = startSampler(server.pids);
  const connected = await connectAll(server, specs, { concurrency: 100 });
  const connectUsage = connectSampler.stop();
  await sleep(2000);
  const sampler = startSampler(server.pids);
  await sleep(holdSeconds * 1000);
  const usage = sampler.stop();
  const after = rssOf(server.pids);
  const open = connected.clients.filter((c) => !c.closed).length;
  await closeAll(connected.clients);
  return {
    connections,
    openAtEnd: open,
    connectFailures: connected.failures,
    firstError: connected.firstError,
    connectSeconds: Math.round(connected.seconds * 10) / 10,
    connectsPerSecond: Math.round(connections / connected.seconds),
    connectCpuPercent: Math.round(connectUsage.serverCpuPercent),
    timeToSyncedMs: connected.synced,
    rssBeforeBytes: before,
    rssAfterBytes: after,
    bytesPerConnection: Math.round((after - before) / connections),
    idleCpuPercent: Math.round(usage.serverCpuPercent * 10) / 10,
  };
}
