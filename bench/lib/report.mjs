// The console table: one row per figure, one column per server, each cell with its
// ratio to the reference (@y/websocket-server); and the targets.

const MB = 1024 * 1024;

/** [label, pick(server entry) → number | string | null, unit, better: "low" | "high" | null] */
const FIGURES = [
  ["workshop: latency p50 (ms)", (e) => e.scenarios.workshop?.latencyMs?.p50, "low"],
  ["workshop: latency p99 (ms)", (e) => e.scenarios.workshop?.latencyMs?.p99, "low"],
  ["workshop: latency max (ms)", (e) => e.scenarios.workshop?.latencyMs?.max, "low"],
  ["workshop: delivered updates/s", (e) => e.scenarios.workshop?.deliveredPerSecond, "high"],
  ["workshop: lost / duplicated", (e) => lostDup(e.scenarios.workshop), null],
  ["workshop: server CPU %", (e) => pct(e.scenarios.workshop?.usage?.serverCpuPercent), "low"],
  ["workshop: server RSS peak (MB)", (e) => mb(e.scenarios.workshop?.usage?.rssPeakBytes), "low"],
  ["partnerships: latency p50 (ms)", (e) => e.scenarios.partnerships?.latencyMs?.p50, "low"],
  ["partnerships: latency p99 (ms)", (e) => e.scenarios.partnerships?.latencyMs?.p99, "low"],
  ["partnerships: latency max (ms)", (e) => e.scenarios.partnerships?.latencyMs?.max, "low"],
  [
    "partnerships: delivered updates/s",
    (e) => e.scenarios.partnerships?.deliveredPerSecond,
    "high",
  ],
  ["partnerships: lost / duplicated", (e) => lostDup(e.scenarios.partnerships), null],
  [
    "partnerships: server CPU %",
    (e) => pct(e.scenarios.partnerships?.usage?.serverCpuPercent),
    "low",
  ],
  [
    "partnerships: server RSS peak (MB)",
    (e) => mb(e.scenarios.partnerships?.usage?.rssPeakBytes),
    "low",
  ],
  [
    "partnerships: time to synced p99 (ms)",
    (e) => e.scenarios.partnerships?.timeToSyncedMs?.p99,
    "low",
  ],
  [
    "throughput: delivered/s with p99 ≤ 100 ms",
    (e) => e.scenarios.throughput?.maxDeliveredPerSecondWithin,
    "high",
  ],
  ["idle: memory per connection (kB)", (e) => kb(e.scenarios.idle?.bytesPerConnection), "low"],
  ["idle: server RSS with all open (MB)", (e) => mb(e.scenarios.idle?.rssAfterBytes), "low"],
  ["idle: server CPU while idle %", (e) => e.scenarios.idle?.idleCpuPercent, "low"],
  ["idle: connects/s", (e) => e.scenarios.idle?.connectsPerSecond, "high"],
  ["idle: time to synced p50 (ms)", (e) => e.scenarios.idle?.timeToSyncedMs?.p50, "low"],
  ["idle: time to synced p99 (ms)", (e) => e.scenarios.idle?.timeToSyncedMs?.p99, "low"],
  ["idle: failed connects", (e) => e.scenarios.idle?.connectFailures, null],
  ["cold load: first open → synced (ms)", (e) => cold(e, "first"), "low"],
  ["cold load: reopen → synced (ms)", (e) => cold(e, "again"), "low"],
  ["join storm: time to synced p50 (ms)", (e) => e.scenarios.storm?.timeToSyncedMs?.p50, "low"],
  ["join storm: time to synced p99 (ms)", (e) => e.scenarios.storm?.timeToSyncedMs?.p99, "low"],
  ["join storm: time to synced max (ms)", (e) => e.scenarios.storm?.timeToSyncedMs?.max, "low"],
  ["join storm: complete / failed", (e) => storm(e), null],
  ["join storm: server RSS peak (MB)", (e) => mb(e.scenarios.storm?.usage?.rssPeakBytes), "low"],
  ["join storm: server CPU %", (e) => pct(e.scenarios.storm?.usage?.serverCpuPercent), "low"],
  ["harness CPU %, workshop / partnerships", (e) => harness(e), null],
  ["other processes' CPU % (noise), max", (e) => noise(e), null],
];

function harness(e) {
  const w = e.scenarios.workshop?.usage?.harnessCpuPercent;
  const p = e.scenarios.partnerships?.usage?.harnessCpuPercent;
  if (w === undefined && p === undefined) return undefined;
  return `${pct(w) ?? "—"} / ${pct(p) ?? "—"}`;
}
function noise(e) {
  const values = Object.values(e.scenarios)
    .flatMap((s) => [s?.usage?.otherCpuPercent, ...(s?.steps ?? []).map((x) => x.otherCpuPercent)])
    .filter((v) => typeof v === "number");
  return values.length ? String(Math.round(Math.max(...values))) : undefined;
}

function pct(v) {
  return v === undefined ? undefined : Math.round(v);
}
function mb(v) {
  return v === undefined ? undefined : Math.round(v / MB);
}
function kb(v) {
  return v === undefined ? undefined : Math.round(v / 102.4) / 10;
}
function lostDup(s) {
  return s && s.lost !== undefined ? `${s.lost} / ${s.duplicated}` : s?.error ? "error" : undefined;
}
function cold(e, which) {
  const s = e.scenarios.cold;
  if (!s) return undefined;
  if (s.na) return s.na;
  if (s.error) return "error";
  const r = s[which];
  return r ? (r.correct ? r.ms : `${r.ms} (wrong content)`) : undefined;
}
function storm(e) {
  const s = e.scenarios.storm;
  if (!s) return undefined;
  if (s.error) return "error";
  return `${s.complete} / ${s.connectFailures}`;
}

export function printTable(results) {
  const keys = Object.keys(results.servers);
  const reference = results.servers.reference;
  const header = ["figure", ...keys.map((k) => results.servers[k].label ?? k)];
  const rows = [];
  for (const [label, pick] of FIGURES) {
    const refValue = reference ? pick(reference) : undefined;
    const cells = keys.map((k) => {
      const e = results.servers[k];
      if (e.error) return "did not start";
      const v = pick(e);
      if (v === undefined || v === null) return "—";
      if (typeof v !== "number") return String(v);
      if (typeof refValue === "number" && refValue > 0 && k !== "reference") {
        return `${v} (${(v / refValue).toFixed(2)}×)`;
      }
      return String(v);
    });
    if (cells.every((c) => c === "—")) continue;
    rows.push([label, ...cells]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  console.log(`\nRatios are to the reference (@y/websocket-server 0.1.1), same run.`);
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));

  const targets = checkTargets(results);
  console.log("\nTargets (Entente on SQLite against the reference):");
  for (const t of targets)
    console.log(`  ${t.met === null ? "?" : t.met ? "met" : "MISSED"}  ${t.text}`);
  const machine = results.machine;
  console.log(
    `\nMachine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; ${machine.note}.`,
  );
  return { header, rows, targets };
}

function checkTargets(results) {
  const ours = results.servers["entente-sqlite"];
  const ref = results.servers.reference;
  const out = [];
  if (!ours || !ref) return out;
  const compare = (text, a, b, lowerIsBetter) => {
    const met =
      typeof a === "number" && typeof b === "number" ? (lowerIsBetter ? a <= b : a >= b) : null;
    out.push({ text: `${text}: ${a ?? "—"} vs ${b ?? "—"}`, met, ours: a, reference: b });
  };
  for (const s of ["workshop", "partnerships"]) {
    compare(
      `${s} p99 latency (ms) at most the reference's`,
      ours.scenarios[s]?.latencyMs?.p99,
      ref.scenarios[s]?.latencyMs?.p99,
      true,
    );
  }
  compare(
    "delivered updates/s before p99 passes 100 ms at least the reference's",
    ours.scenarios.throughput?.maxDeliveredPerSecondWithin,
    ref.scenarios.throughput?.maxDeliveredPerSecondWithin,
    false,
  );
  compare(
    "memory per idle connection (bytes) at most the reference's",
    ours.scenarios.idle?.bytesPerConnection,
    ref.scenarios.idle?.bytesPerConnection,
    true,
  );
  return out;
}
