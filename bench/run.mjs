// The sync benchmark: one harness of simulated y-websocket clients drives several
// servers, one at a time, through the same scenarios, and prints one table with each
// figure's ratio to the reference (@y/websocket-server), plus bench/results/latest.json.
//
//   npm run bench                       # builds (tsc -b), then the full run (~15 min)
//   npm run bench -- --quick            # smoke run, small sizes (~3 min)
//   node bench/run.mjs --servers entente-sqlite,reference --scenarios workshop,idle
//   options: --no-build, --server-main <apps/server/dist/main.js>, --profile (CPU
//   profiles of our server into bench/results/profiles), --out <file.json>
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { keystrokeLog, largeDocument } from "./lib/content.mjs";
import { coldLoad } from "./scenarios/cold-load.mjs";
import { idle } from "./scenarios/idle.mjs";
import { joinStorm } from "./scenarios/join-storm.mjs";
import { partnerships } from "./scenarios/partnerships.mjs";
import { stepped, workshop } from "./scenarios/workshop.mjs";
import { startEntente } from "./servers/entente.mjs";
import { startFloor, startHocuspocus, startReference } from "./servers/simple.mjs";
import { systemBusySeconds } from "./lib/proc.mjs";
import { printTable } from "./lib/report.mjs";
import { sleep } from "./lib/stats.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const quick = flag("quick");
const ALL_SERVERS = ["reference", "entente-sqlite", "entente-pg2", "hocuspocus", "floor"];
const ALL_SCENARIOS = ["idle", "workshop", "partnerships", "throughput", "storm", "cold"];
const serverKeys = option("servers", ALL_SERVERS.join(",")).split(",");
const scenarioKeys = option("scenarios", ALL_SCENARIOS.join(",")).split(",");
for (const key of serverKeys)
  if (!ALL_SERVERS.includes(key)) throw new Error(`unknown server ${key}`);
for (const key of scenarioKeys)
  if (!ALL_SCENARIOS.includes(key)) throw new Error(`unknown scenario ${key}`);
const main = path.resolve(option("server-main", path.join(root, "apps/server/dist/main.js")));
const outFile = path.resolve(option("out", path.join(here, "results/latest.json")));
const profileDir = flag("profile") ? path.join(here, "results/profiles") : undefined;

const SIZES = quick
  ? {
      idle: { connections: 1000, docs: 100, holdSeconds: 2 },
      workshop: { editors: 50, rate: 5, seconds: 5 },
      partnerships: { docs: 100, perDoc: 4, rate: 1, seconds: 5 },
      throughput: { editors: 50, rates: [2, 5, 10, 20, 40], seconds: 2, bisect: 3 },
      storm: { clients: 50, bytes: 1_000_000 },
      cold: { updates: 10_000 },
    }
  : {
      idle: { connections: 10_000, docs: 1_000, holdSeconds: 5 },
      workshop: { editors: 50, rate: 5, seconds: 20 },
      partnerships: { docs: 500, perDoc: 4, rate: 1, seconds: 20 },
      throughput: { editors: 50, rates: [2, 5, 10, 20, 40, 80, 160], seconds: 5, bisect: 4 },
      storm: { clients: 200, bytes: 5_000_000 },
      cold: { updates: 100_000 },
    };
// Document indices: the idle and partnership scenarios use 0…D-1, then one each.
const D = Math.max(SIZES.idle.docs, SIZES.partnerships.docs);
const DOC = { workshop: D, throughput: D + 1, cold: D + 2, storm: D + 3 };

// Everything the harness started stops by itself, whatever happens.
const limitMinutes = Number(option("time-limit-minutes", quick ? 15 : 45));
setTimeout(() => {
  console.error(`bench: time limit of ${limitMinutes} min reached, stopping`);
  process.exit(2);
}, limitMinutes * 60_000).unref();

if (!flag("no-build")) {
  console.log("building the server (npx tsc -b) …");
  execFileSync("npx", ["tsc", "-b"], { cwd: root, stdio: "inherit" });
}

const machine = {
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
  note: "the harness (all clients, one Node process) shares these cores with the server under test",
};
console.log(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; ` +
    `${machine.note}. Size: ${quick ? "quick" : "full"}.`,
);

// What else is running: the figures are only as good as the machine is quiet.
{
  const before = systemBusySeconds();
  await sleep(2000);
  machine.otherCpuPercentBeforeRun = Math.round((100 * (systemBusySeconds() - before)) / 2);
  machine.loadAverage = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const warn =
    machine.otherCpuPercentBeforeRun > 20
      ? " ⚠ the machine is not quiet: figures will be noisy"
      : "";
  console.log(
    `other processes before the run: ${machine.otherCpuPercentBeforeRun}% of one core (load ${machine.loadAverage.join(", ")})${warn}`,
  );
}

const content = {};
if (scenarioKeys.includes("cold")) {
  const t = performance.now();
  content.log = keystrokeLog(SIZES.cold.updates);
  console.log(
    `generated a log of ${SIZES.cold.updates.toLocaleString("en")} keystroke updates in ${Math.round(performance.now() - t)} ms`,
  );
}
if (scenarioKeys.includes("storm")) content.large = largeDocument(SIZES.storm.bytes);

const STARTERS = {
  reference: () => startReference(),
  floor: () => startFloor(),
  hocuspocus: () => startHocuspocus(),
  "entente-sqlite": () => startEntente({ variant: "sqlite", main, profileDir }),
  "entente-pg2": () => startEntente({ variant: "pg2", main, profileDir }),
};

const results = {
  date: new Date().toISOString(),
  size: quick ? "quick" : "full",
  machine,
  sizes: SIZES,
  servers: {},
};

function save() {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(results, null, 2));
}

const runStarted = performance.now();
for (const key of serverKeys) {
  const started = performance.now();
  console.log(`\n== ${key}`);
  let server;
  const entry = { scenarios: {} };
  results.servers[key] = entry;
  try {
    server = await STARTERS[key]();
    entry.label = server.label;
    const docCount = D + 4;
    await server.prepare(docCount);
    if (server.setup && Object.keys(server.setup).length) {
      entry.setup = server.setup;
      console.log(`   setup: ${JSON.stringify(server.setup)}`);
    }
    for (const scenario of scenarioKeys) {
      const noise = await waitForQuiet();
      const t = performance.now();
      try {
        let result;
        switch (scenario) {
          case "idle":
            result = await idle(server, SIZES.idle);
            break;
          case "workshop":
            result = await workshop(server, { doc: DOC.workshop, ...SIZES.workshop });
            break;
          case "partnerships":
            result = await partnerships(server, SIZES.partnerships);
            break;
          case "throughput":
            result = await stepped(server, { doc: DOC.throughput, ...SIZES.throughput });
            break;
          case "storm":
            result = await joinStorm(server, {
              doc: DOC.storm,
              clients: SIZES.storm.clients,
              large: content.large,
            });
            break;
          case "cold":
            result = await coldLoad(server, { doc: DOC.cold, log: content.log });
            break;
        }
        result.noiseBeforePercent = noise;
        entry.scenarios[scenario] = result;
        console.log(
          `   ${scenario}: ${((performance.now() - t) / 1000).toFixed(1)} s ${JSON.stringify(brief(result))}`,
        );
      } catch (error) {
        entry.scenarios[scenario] = { error: String(error?.message ?? error).slice(0, 500) };
        console.log(`   ${scenario}: FAILED ${error?.message ?? error}`);
      }
      save();
      await sleep(1000);
    }
  } catch (error) {
    entry.error = String(error?.message ?? error).slice(0, 2000);
    console.log(`   FAILED to start: ${entry.error}`);
  } finally {
    await server?.stop().catch((e) => console.log(`   stop failed: ${e.message}`));
  }
  entry.seconds = Math.round((performance.now() - started) / 1000);
  save();
}
results.seconds = Math.round((performance.now() - runStarted) / 1000);
results.table = printTable(results);
save();
console.log(`\nresults: ${path.relative(process.cwd(), outFile)} (${results.seconds} s)`);
process.exit(0);

/**
 * Waits (at most --quiet-wait-seconds, default 120) until the rest of the machine uses
 * under 25% of one core over 2 s: other processes on these 2 cores distort every figure.
 * Returns the last measured share.
 */
async function waitForQuiet() {
  const deadline = performance.now() + Number(option("quiet-wait-seconds", 120)) * 1000;
  let other;
  let said = false;
  for (;;) {
    const before = systemBusySeconds();
    const mine = process.cpuUsage();
    await sleep(2000);
    const used = process.cpuUsage(mine);
    other = Math.round(
      (100 * (systemBusySeconds() - before)) / 2 - (used.user + used.system) / 1e4 / 2,
    );
    if (other < 25 || performance.now() > deadline) break;
    if (!said) console.log(`   waiting for a quieter machine (others use ${other}% of a core)…`);
    said = true;
  }
  return other;
}

function brief(result) {
  if (!result) return result;
  const out = {};
  for (const k of [
    "latencyMs",
    "deliveredPerSecond",
    "lost",
    "duplicated",
    "bytesPerConnection",
    "maxDeliveredPerSecondWithin",
    "timeToSyncedMs",
    "first",
    "again",
    "na",
    "connectFailures",
    "harnessLagMs",
  ]) {
    if (result[k] !== undefined) out[k] = result[k];
  }
  if (result.usage) {
    out.serverCpu = Math.round(result.usage.serverCpuPercent);
    out.harnessCpu = Math.round(result.usage.harnessCpuPercent);
  }
  return out;
}
