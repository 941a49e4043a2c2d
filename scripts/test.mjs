// `npm test`: every check and every test, then one closing line "tests: N passed, M failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
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

/** Each suite: its exit code, its report (null when it did not run) and whether it was skipped. */
const suites = [];

suites.push({
  name: "unit, route and sync tests on SQLite",
  code: pnpm([
    "exec",
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${path.join(resultsDir, "unit.json")}`,
  ]),
  report: () => countVitest(path.join(resultsDir, "unit.json")),
});

// The server suite again on PostgreSQL (a fresh database per test); the child-process
// durability test is about the embedded SQLite store and ran above.
const postgresUrl = new URL(
  process.env.ENTENTE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test",
);
const postgresHost = `${postgresUrl.hostname}:${postgresUrl.port || 5432}`;
if (await canConnect(postgresUrl.hostname, Number(postgresUrl.port || 5432))) {
  suites.push({
    name: "server tests on PostgreSQL",
    code: pnpm(
      [
        "exec",
        "vitest",
        "run",
        "apps/server",
        "--exclude",
        "**/durability.test.ts",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${path.join(resultsDir, "server-postgres.json")}`,
      ],
      { env: { ...process.env, ENTENTE_TEST_STORE: "postgres" } },
    ),
    report: () => countVitest(path.join(resultsDir, "server-postgres.json")),
  });
} else if (process.env.CI) {
  console.error(`\n✖ The server tests on PostgreSQL need a server at ${postgresHost}.`);
  suites.push({ name: "server tests on PostgreSQL", code: 1, report: () => null });
} else {
  console.warn(
    `\n⚠ Server tests on PostgreSQL SKIPPED: nothing listens at ${postgresHost} (set ENTENTE_TEST_POSTGRES_URL).`,
  );
  suites.push({ name: "server tests on PostgreSQL", skipped: true });
}

// Several server processes over one PostgreSQL and Redis servers of the tests' own, with
// nginx in front for the deployment test.
const scaleMissing = [];
if (!(await canConnect(postgresUrl.hostname, Number(postgresUrl.port || 5432)))) {
  scaleMissing.push(`PostgreSQL at ${postgresHost}`);
}
const redisServer = process.env.ENTENTE_TEST_REDIS_SERVER ?? "redis-server";
if (spawnSync(redisServer, ["--version"]).status !== 0) {
  scaleMissing.push(`${redisServer} (apt-get install -y redis-server)`);
}
if (!fs.existsSync(process.env.NGINX_BIN ?? "/usr/sbin/nginx")) {
  scaleMissing.push("nginx (apt-get install -y nginx)");
}
if (scaleMissing.length === 0 || process.env.CI) {
  // Under CI a missing service makes its tests fail, each saying what it lacks.
  suites.push({
    name: "scale-out tests (several instances, PostgreSQL, Redis, nginx)",
    code: pnpm([
      "exec",
      "vitest",
      "run",
      "--config",
      "vitest.scale.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${path.join(resultsDir, "scale.json")}`,
    ]),
    report: () => countVitest(path.join(resultsDir, "scale.json")),
  });
} else {
  console.warn(`\n⚠ Scale-out tests SKIPPED: they need ${scaleMissing.join(", ")}.`);
  suites.push({ name: "scale-out tests", skipped: true });
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (fs.existsSync(chromium)) {
  suites.push({
    name: "browser tests",
    code: pnpm(["--filter", "@entente/web", "run", "e2e"], {
      env: { ...process.env, CHROMIUM_PATH: chromium },
    }),
    report: () => countPlaywright(path.join(resultsDir, "e2e.json")),
  });
} else if (process.env.CI) {
  console.error(
    `\n✖ Browser tests need Chromium at ${chromium} (apt-get install -y chromium); CI must have it.`,
  );
  suites.push({ name: "browser tests", code: 1, report: () => null });
} else {
  console.warn(
    `\n⚠ Browser tests SKIPPED: no Chromium at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  suites.push({ name: "browser tests", skipped: true });
}

const total = { passed: 0, failed: 0, skipped: 0 };
let anySkipped = false;
for (const suite of suites) {
  if (suite.skipped) {
    anySkipped = true;
    continue;
  }
  const counts = suite.report();
  total.passed += counts?.passed ?? 0;
  total.failed += counts?.failed ?? 0;
  total.skipped += counts?.skipped ?? 0;
  // A suite that failed without a failed test in its report (a crash) still counts as one.
  if (suite.code !== 0 && (counts?.failed ?? 0) === 0) total.failed += 1;
}
const skippedText = total.skipped || anySkipped ? `, ${total.skipped} skipped` : "";
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed${skippedText}`);
process.exit(suites.some((suite) => !suite.skipped && suite.code !== 0) ? 1 : 0);

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

function canConnect(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}
