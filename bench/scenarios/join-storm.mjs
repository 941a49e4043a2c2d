// `clients` clients open one large document at once (kept loaded by one holder).
import { closeAll, connectAll, withTimeout } from "../lib/load.mjs";
import { startSampler } from "../lib/proc.mjs";
import { sleep } from "../lib/stats.mjs";

export async function joinStorm(server, { doc, clients, large }) {
  // Persisting servers load the document from their store; the others get it from a
  // client, which stays connected (so do the persisting servers' holders).
  let how;
  if (server.prefillState) {
    await server.prefillState(doc, large.state);
    how = "stored";
  } else how = "uploaded by the holder";
  const holder = server.connect(doc, 0, {});
  await withTimeout(holder.synced, 120_000);
  if (!server.prefillState) holder.seed(large.state);
  // Wait until a probe gets the whole document.
  for (let attempt = 0; ; attempt++) {
    await sleep(500);
    const probe = server.connect(doc, 1, {});
    await withTimeout(probe.synced, 120_000);
    const got = probe.bytesReceived;
    probe.close();
    if (got >= large.state.byteLength) break;
    if (attempt > 20) throw new Error(`the server never served the whole document (${got} bytes)`);
  }
  await sleep(500);
  const sampler = startSampler(server.pids, 100);
  const specs = Array.from({ length: clients }, (_, i) => ({ doc, client: i + 2 }));
  const started = performance.now();
  const connected = await connectAll(server, specs, { concurrency: clients });
  const allSyncedSeconds = (performance.now() - started) / 1000;
  const usage = sampler.stop();
  const complete = connected.clients.filter(
    (c) => c.bytesReceived >= large.state.byteLength,
  ).length;
  await closeAll([...connected.clients, holder]);
  return {
    documentBytes: large.state.byteLength,
    how,
    clients,
    complete,
    connectFailures: connected.failures,
    firstError: connected.firstError,
    timeToSyncedMs: connected.synced,
    allSyncedSeconds: Math.round(allSyncedSeconds * 100) / 100,
    usage,
  };
}
