// Search on a partnership with 10,000 items: query latency (p50/p95, target ≤ 50 ms) and
// how long the index takes to follow one edit. Not a test: prints a table, writes
// bench/results/search.json. Run after a build (`npx tsc -b`):
//   node bench/search.mjs                          # SQLite file (FTS5)
//   node bench/search.mjs --postgres postgres://postgres@127.0.0.1:5432/test
//                                                  # a fresh database on that server (tsvector)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import * as Y from "yjs";
import {
  addAction,
  addIssue,
  addKpi,
  addObjective,
  updateObjective,
} from "../packages/schema/dist/index.js";
import { AccessService } from "../apps/server/dist/access/access-service.js";
import { openStore } from "../apps/server/dist/db/database.js";
import { migrateToLatest } from "../apps/server/dist/db/migrations/index.js";
import { createLogger } from "../apps/server/dist/observability/logger.js";
import { SearchIndex } from "../apps/server/dist/search/search-index.js";
import { SearchService } from "../apps/server/dist/search/search-service.js";
import { CurrentDocuments } from "../apps/server/dist/sync/document-reader.js";
import { SqlUpdateLog } from "../apps/server/dist/sync/update-log.js";
import { percentile } from "./lib/stats.mjs";

const cpuMs = ({ user, system }) => (user + system) / 1000;
const here = path.dirname(fileURLToPath(import.meta.url));
const pgAt = process.argv.indexOf("--postgres");
const adminUrl = pgAt === -1 ? null : process.argv[pgAt + 1];
const ITEMS = 10_000;
const QUERY_ROUNDS = 20;

// A deterministic vocabulary of the domain, English and French, accents included.
const WORDS = (
  "partnership supply pilot market launch budget training samples logistics customs " +
  "pricing forecast warehouse certification audit contract renewal quality shipment " +
  "échéance livraison réunion comité décision financement contrainte stratégie " +
  "objectif indicateur équipe données réseau fournisseur client prévision entrepôt"
).split(" ");
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = () => WORDS[Math.floor(random() * WORDS.length)];
const sentence = (n) => Array.from({ length: n }, pick).join(" ");

let store;
let dropDatabase = async () => {};
let dir;
if (adminUrl) {
  const name = `entente_bench_search_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  store = openStore(url.toString());
  dropDatabase = async () => {
    const again = new pg.Client({ connectionString: adminUrl });
    await again.connect();
    await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await again.end();
  };
} else {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-bench-search-"));
  store = openStore(`sqlite:${path.join(dir, "bench.sqlite")}`);
}
await migrateToLatest(store.db, store.dialect);
const now = Date.now();
const db = store.db;
await db
  .insertInto("users")
  .values([
    { id: "u-north", email: "n@bench", name: "Nora North", password_hash: "-", created_at: now },
    { id: "u-south", email: "s@bench", name: "Sam South", password_hash: "-", created_at: now },
  ])
  .execute();
await db
  .insertInto("organizations")
  .values([
    { id: "o-north", name: "Northwind", created_at: now },
    { id: "o-south", name: "Southpeak", created_at: now },
  ])
  .execute();
await db
  .insertInto("partnerships")
  .values({ id: "bench", name: "Bench", created_by: "u-north", created_at: now })
  .execute();
await db
  .insertInto("partnership_organizations")
  .values([
    { partnership_id: "bench", organization_id: "o-north", joined_at: now },
    { partnership_id: "bench", organization_id: "o-south", joined_at: now },
  ])
  .execute();
await db
  .insertInto("partnership_members")
  .values([
    {
      partnership_id: "bench",
      user_id: "u-north",
      organization_id: "o-north",
      permission: "admin",
      level: "strategic",
    },
    {
      partnership_id: "bench",
      user_id: "u-south",
      organization_id: "o-south",
      permission: "admin",
      level: "strategic",
    },
  ])
  .execute();

// 10,000 items: 1,500 objectives × (3 actions + 1 KPI) = 7,500, and 2,500 issues.
const by = { userId: "u-north", organizationId: "o-north" };
const objectives = new Y.Doc();
let objectiveIds = [];
objectives.transact(() => {
  for (let i = 0; i < 1500; i++) {
    const id = addObjective(
      objectives,
      {
        title: sentence(4),
        description: sentence(14),
        ownerOrganizationIds: ["o-north"],
        governanceLevel: "tactical",
      },
      by,
    );
    objectiveIds.push(id);
    for (let a = 0; a < 3; a++)
      addAction(objectives, id, { title: sentence(5), ownerOrganizationId: "o-south" }, by);
    addKpi(
      objectives,
      id,
      { name: sentence(3), unit: "units", target: 10, direction: "increase" },
      by,
    );
  }
});
const issues = new Y.Doc();
issues.transact(() => {
  for (let i = 0; i < 2500; i++)
    addIssue(
      issues,
      {
        kind: "risk",
        title: sentence(5),
        description: sentence(16),
        ownerOrganizationId: "o-south",
        severity: "medium",
      },
      by,
    );
});
const stored = async (name, doc) =>
  db
    .insertInto("document_updates")
    .values({
      document_name: name,
      update: Y.encodeStateAsUpdate(doc),
      user_id: null,
      organization_id: null,
      created_at: now,
    })
    .execute();
await stored("bench/objectives", objectives);
await stored("bench/issues", issues);

const logger = createLogger({ level: "silent" });
// The objectives are open in a live room (someone is editing them): the index reads the
// room's document, as the server does.
const liveRooms = {
  get: (name) =>
    name === "bench/objectives" ? { doc: objectives, whenIdle: async () => {} } : undefined,
};
const documents = new CurrentDocuments(new SqlUpdateLog(store), liveRooms);
const index = new SearchIndex(db, store.dialect, documents, logger);
let t = performance.now();
await index.catchUp();
await index.idle();
const initialIndexMs = performance.now() - t;
const entries = Number(
  (
    await db
      .selectFrom("search_entries")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst()
  ).n,
);

// One edit of one objective: the index reads the 10,000-item document again, rewrites one entry.
const before = Y.encodeStateVector(objectives);
updateObjective(objectives, objectiveIds[700], { title: "Reach the kumquat growers" });
await db
  .insertInto("document_updates")
  .values({
    document_name: "bench/objectives",
    update: Y.encodeStateAsUpdate(objectives, before),
    user_id: null,
    organization_id: null,
    created_at: now,
  })
  .execute();
t = performance.now();
let cpu = process.cpuUsage();
index.documentChanged("bench/objectives");
await index.idle();
const oneEditMs = performance.now() - t;
const oneEditCpuMs = cpuMs(process.cpuUsage(cpu));

const search = new SearchService(db, store.dialect, new AccessService(db));
const QUERIES = [
  "budget",
  "supply pilot",
  "echeance",
  "livraisons",
  "décision comité",
  "ware",
  "kumquat",
  "customs audit contract",
  "partnerships",
  "northwind",
];
for (const q of QUERIES) await search.search("u-south", q); // warm-up
const samples = [];
const cpuSamples = [];
const perQuery = new Map(QUERIES.map((q) => [q, []]));
let results = 0;
for (let round = 0; round < QUERY_ROUNDS; round++) {
  for (const q of QUERIES) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const answer = await search.search("u-south", q);
    const ms = performance.now() - start;
    cpuSamples.push(cpuMs(process.cpuUsage(startCpu)));
    samples.push(ms);
    perQuery.get(q).push(ms);
    results += answer.results.length;
  }
}
samples.sort((a, b) => a - b);
cpuSamples.sort((a, b) => a - b);
const round1 = (x) => Math.round(x * 10) / 10;
const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model,
  store: store.dialect,
  items: ITEMS,
  entries,
  initialIndexMs: Math.round(initialIndexMs),
  oneEditReindexMs: round1(oneEditMs),
  oneEditReindexCpuMs: round1(oneEditCpuMs),
  queries: samples.length,
  meanResults: round1(results / samples.length),
  p50Ms: round1(percentile(samples, 50)),
  p95Ms: round1(percentile(samples, 95)),
  maxMs: round1(samples[samples.length - 1]),
  cpuP50Ms: round1(percentile(cpuSamples, 50)),
  cpuP95Ms: round1(percentile(cpuSamples, 95)),
  loadAverage: os.loadavg()[0],
  perQuery: [...perQuery].map(([q, ms]) => ({
    q,
    p50Ms: round1(
      percentile(
        ms.sort((a, b) => a - b),
        50,
      ),
    ),
  })),
};
console.log(
  `Search on a partnership with ${ITEMS.toLocaleString("en")} items (${entries.toLocaleString("en")} index entries), ${store.dialect}`,
);
console.log(
  `(load average ${report.loadAverage.toFixed(1)} on ${os.cpus().length} cores: wall times grow with it; CPU times of this process do not)`,
);
console.log("| figure | value |\n|---|---:|");
console.log(`| initial indexing | ${report.initialIndexMs} ms |`);
console.log(
  `| index follows one edit of the live 10,000-item objectives document | ${report.oneEditReindexMs} ms (CPU ${report.oneEditReindexCpuMs} ms) |`,
);
console.log(`| queries | ${report.queries} (${report.meanResults} results each on average) |`);
console.log(`| query p50 | ${report.p50Ms} ms |`);
console.log(`| query p95 | ${report.p95Ms} ms (target ≤ 50 ms) |`);
console.log(`| query max | ${report.maxMs} ms |`);
console.log(`| query CPU p50 / p95 | ${report.cpuP50Ms} / ${report.cpuP95Ms} ms |`);
console.log("| query | p50 ms |\n|---|---:|");
for (const { q, p50Ms } of report.perQuery) console.log(`| ${q} | ${p50Ms} |`);
fs.mkdirSync(path.join(here, "results"), { recursive: true });
fs.writeFileSync(
  path.join(here, "results", `search-${store.dialect}.json`),
  JSON.stringify(report, null, 2),
);
await index.stop();
await store.close();
await dropDatabase();
objectives.destroy();
issues.destroy();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
