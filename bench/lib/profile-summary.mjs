// Hottest functions of a .cpuprofile (self and total time):
// node bench/lib/profile-summary.mjs <file> [n] [from-s] [to-s]
import fs from "node:fs";

// [from-s] [to-s]: only the samples in that window (seconds from the profile's start).
const [file, n = "25", from = "0", to = "1e9"] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const dt = profile.timeDeltas;
let clock = 0;
for (let i = 0; i < profile.samples.length; i++) {
  clock += dt[i] ?? 0;
  if (clock < Number(from) * 1e6 || clock > Number(to) * 1e6) continue;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
}
const parent = new Map();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);
const key = (node) => {
  const f = node.callFrame;
  const where = f.url
    ? f.url
        .replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, "")
        .replace(/^file:\/\/.*\/apps\//, "apps/")
    : "";
  return `${f.functionName || "(anonymous)"} ${where}:${f.lineNumber + 1}`;
};
const selfBy = new Map();
const totalBy = new Map();
for (const [id, us] of self) {
  const node = byId.get(id);
  selfBy.set(key(node), (selfBy.get(key(node)) ?? 0) + us);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const k = key(byId.get(at));
    if (seen.has(k)) continue;
    seen.add(k);
    totalBy.set(k, (totalBy.get(k) ?? 0) + us);
  }
}
const all = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self]
  .filter(([id]) => byId.get(id).callFrame.functionName === "(idle)")
  .reduce((a, [, us]) => a + us, 0);
console.log(`total ${(all / 1e6).toFixed(1)} s, busy ${((all - idle) / 1e6).toFixed(1)} s`);
const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(n))) {
    console.log(`${((100 * us) / (all - idle)).toFixed(1).padStart(6)}%  ${k}`);
  }
};
show("self (% of busy)", selfBy);
show("total (% of busy)", totalBy);
