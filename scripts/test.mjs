// `npm test`: every check and every test, then one closing line "tests: N passed, M failed".
import fs from "node:fs";
import path from "node:path";
import { build, install, pnpm, root, step } from "./toolchain.mjs";

const resultsDir = path.join(root, ".test-results");
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

install();
step("format check (prettier)", pnpm(["exec", "prettier", "--check", "."]));
// Type-aware lint reads the packages' built declarations, so build first.
build();
step("lint (eslint)", pnpm(["exec", "eslint", ".", "--max-warnings", "0"]));
step("circular imports (dpdm)", pnpm(["run", "--silent", "cycles"]));

const unitCode = pnpm([
  "exec",
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${path.join(resultsDir, "unit.json")}`,
]);

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
let e2eCode = 0;
let e2eSkipped = false;
if (fs.existsSync(chromium)) {
  e2eCode = pnpm(["--filter", "@entente/web", "run", "e2e"], {
    env: { ...process.env, CHROMIUM_PATH: chromium },
  });
} else if (process.env.CI) {
  console.error(
    `\n✖ Browser tests need Chromium at ${chromium} (apt-get install -y chromium); CI must have it.`,
  );
  e2eCode = 1;
} else {
  e2eSkipped = true;
  console.warn(
    `\n⚠ Browser tests SKIPPED: no Chromium at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
}

function countVitest(file) {
  if (!fs.existsSync(file)) return null;
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return null;
  const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const counts = [
  countVitest(path.join(resultsDir, "unit.json")),
  e2eSkipped ? null : countPlaywright(path.join(resultsDir, "e2e.json")),
];
const total = { passed: 0, failed: 0, skipped: 0 };
for (const c of counts) {
  if (!c) continue;
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
// A suite that crashed before writing its report still counts as a failure.
if (unitCode !== 0 && total.failed === 0) total.failed += 1;
if (e2eCode !== 0 && (counts[1]?.failed ?? 0) === 0) total.failed += 1;

console.log(
  `\ntests: ${total.passed} passed, ${total.failed} failed${total.skipped || e2eSkipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(unitCode !== 0 || e2eCode !== 0 ? 1 : 0);
