// Cold load of a document whose log holds 100,000 small updates: raw log vs snapshot.
// Run after a build: `npm run bench:cold-load` (or `node bench/cold-load.mjs [count]`).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { openStore } from "../apps/server/dist/db/database.js";
import { migrateToLatest } from "../apps/server/dist/db/migrations/index.js";
import { createLogger } from "../apps/server/dist/observability/logger.js";
import { SyncMetrics } from "../apps/server/dist/observability/metrics.js";
import { SINGLE_INSTANCE } from "../apps/server/dist/sync/instance-bus.js";
import { RoomRegistry } from "../apps/server/dist/sync/room-registry.js";
import { SqlUpdateLog } from "../apps/server/dist/sync/update-log.js";

const COUNT = Number(process.argv[2] ?? 100_000);
const NAME = "bench/charter";
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-bench-"));
const store = openStore(`sqlite:${path.join(dir, "bench.sqlite")}`);
await migrateToLatest(store.db, store.dialect);
const log = new SqlUpdateLog(store);

// Two editors typing one character per update, as keystrokes arrive.
const editors = [new Y.Doc(), new Y.Doc()];
const updates = [];
for (const [i, doc] of editors.entries())
  doc.on("update", (u, origin) => origin !== "peer" && updates.push([i, u]));
for (let k = 0; k < COUNT; k++) {
  const author = editors[k % 2];
  const text = author.getText("t");
  text.insert(text.length, String.fromCharCode(97 + (k % 26)));
  const last = updates[updates.length - 1][1];
  Y.applyUpdate(editors[(k + 1) % 2], last, "peer");
}
const expected = editors[0].getText("t").toJSON();

const insertStart = performance.now();
for (let start = 0; start < updates.length; start += 1000) {
  await store.db
    .insertInto("document_updates")
    .values(
      updates.slice(start, start + 1000).map(([, u]) => ({
        document_name: NAME,
        update: u,
        user_id: null,
        organization_id: null,
        created_at: Date.now(),
      })),
    )
    .execute();
}
const insertMs = performance.now() - insertStart;
const logBytes = updates.reduce((sum, [, u]) => sum + u.byteLength, 0);

async function time(label, fn, runs = 3) {
  const samples = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    result = await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { label, medianMs: samples[Math.floor(runs / 2)], minMs: samples[0], result };
}

const rows = [];
// Y.mergeUpdates over many interleaved small updates is quadratic: measured on small logs only.
if (COUNT <= 20_000) {
  rows.push(
    await time(
      "raw log: read + Y.mergeUpdates + applyUpdate (quadratic)",
      async () => {
        const stored = await log.load(NAME);
        const doc = new Y.Doc();
        Y.applyUpdate(doc, Y.mergeUpdates(stored.updates));
        return doc.getText("t").toJSON() === expected;
      },
      1,
    ),
  );
}
rows.push(
  await time(
    "raw log: read + applyUpdate one by one in one transaction",
    async () => {
      const stored = await log.load(NAME);
      const doc = new Y.Doc();
      doc.transact(() => {
        for (const u of stored.updates) Y.applyUpdate(doc, u);
      });
      return doc.getText("t").toJSON() === expected;
    },
    1,
  ),
);

const registry = new RoomRegistry({
  log,
  bus: SINGLE_INSTANCE,
  logger: createLogger({ level: "silent" }),
  metrics: new SyncMetrics(),
  compactAfterUpdates: 500,
});
rows.push(
  await time(
    "server room, first open (loads raw log, then compacts)",
    async () => {
      const room = registry.open(NAME);
      await room.whenIdle();
      const ok = room.doc.getText("t").toJSON() === expected;
      registry.release(room);
      await room.whenIdle();
      await new Promise((r) => setTimeout(r, 0));
      return ok;
    },
    1,
  ),
);
rows.push(
  await time(
    "server room, later opens (snapshot)",
    async () => {
      const room = registry.open(NAME);
      await room.whenIdle();
      const ok = room.doc.getText("t").toJSON() === expected;
      registry.release(room);
      await room.whenIdle();
      await new Promise((r) => setTimeout(r, 0));
      return ok;
    },
    5,
  ),
);
const snapshot = await store.db.selectFrom("document_snapshots").select("state").executeTakeFirst();

const report = {
  date: new Date().toISOString(),
  node: process.version,
  updates: COUNT,
  logBytes,
  snapshotBytes: snapshot?.state.byteLength ?? 0,
  insertMs: Math.round(insertMs),
  results: rows.map(({ label, medianMs, minMs, result }) => ({
    label,
    medianMs: Math.round(medianMs * 10) / 10,
    minMs: Math.round(minMs * 10) / 10,
    correct: result,
  })),
};
console.log(
  `Cold load of one document with ${COUNT.toLocaleString("en")} updates (${(logBytes / 1e6).toFixed(1)} MB of log, snapshot ${(report.snapshotBytes / 1e3).toFixed(1)} kB)`,
);
console.log("| scenario | median ms | min ms | correct |\n|---|---:|---:|---|");
for (const r of report.results)
  console.log(`| ${r.label} | ${r.medianMs} | ${r.minMs} | ${r.correct} |`);
const medianOf = (prefix) => report.results.find((r) => r.label.startsWith(prefix)).medianMs;
const raw = medianOf("raw log: read + applyUpdate one by one");
const snap = medianOf("server room, later opens");
console.log(
  `loading the snapshot is ${(raw / snap).toFixed(0)}× faster than replaying the raw log`,
);
fs.mkdirSync(path.join(here, "results"), { recursive: true });
fs.writeFileSync(path.join(here, "results", "cold-load.json"), JSON.stringify(report, null, 2));
await store.close();
for (const d of editors) d.destroy();
fs.rmSync(dir, { recursive: true, force: true });
