// A fresh client opens a document whose log holds `updates` updates: connect → synced,
// then again once the server unloaded it (after compaction where the server compacts).
import { withTimeout } from "../lib/load.mjs";
import { startSampler } from "../lib/proc.mjs";
import { textLength } from "../lib/rich-text.mjs";
import { round, sleep } from "../lib/stats.mjs";

export async function coldLoad(server, { doc, log }) {
  if (!server.prefillLog) {
    return { na: "n/a (no persistence)" };
  }
  const stored = await server.prefillLog(doc, log.updates, log.state);
  const open = async () => {
    const sampler = startSampler(server.pids);
    const client = server.connect(doc, 0, { apply: true });
    const ms = await withTimeout(client.synced, 300_000);
    const usage = sampler.stop();
    const correct = textLength(client.doc) === log.length;
    client.close();
    // Let the server unload the room (and finish a compaction) before the next open.
    await sleep(3000);
    return { ms: round(ms), correct, rssPeakBytes: usage.rssPeakBytes };
  };
  const first = await open();
  const again = await open();
  return { stored: stored.stored, updates: log.updates.length, first, again };
}
