// Many small rooms: `docs` documents × `perDoc` clients, each typing `rate` a second.
import { closeAll, connectAll, typeAtRate } from "../lib/load.mjs";
import { startSampler } from "../lib/proc.mjs";
import { Tracker } from "../lib/tracker.mjs";

export async function partnerships(server, { docs, perDoc, rate, seconds }) {
  const tracker = new Tracker();
  const specs = [];
  for (let doc = 0; doc < docs; doc++) {
    for (let k = 0; k < perDoc; k++) specs.push({ doc, client: k });
  }
  const connected = await connectAll(server, specs, { tracker, concurrency: 100 });
  const sampler = startSampler(server.pids);
  const lagMs = await typeAtRate(connected.clients, rate, seconds, tracker, () => perDoc - 1);
  await tracker.drain();
  const usage = sampler.stop();
  await closeAll(connected.clients);
  return {
    ...tracker.report(),
    usage,
    timeToSyncedMs: connected.synced,
    connectFailures: connected.failures,
    firstError: connected.firstError,
    harnessLagMs: Math.round(lagMs),
    offeredUpdatesPerSecond: docs * perDoc * rate,
  };
}
