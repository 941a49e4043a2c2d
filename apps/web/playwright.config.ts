import { defineConfig } from "@playwright/test";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Browser tests run against the built server (apps/server/dist) serving the built web app
 * (apps/web/dist) on one port, with a fresh SQLite file and the seeded demo partnership.
 * This file is the only place of the e2e suite that reads the environment.
 */
const here = fileURLToPath(new URL(".", import.meta.url));
const serverEntry = resolve(here, "../server/dist/main.js");
const webDist = resolve(here, "dist");

if (!existsSync(serverEntry)) {
  throw new Error(
    `Build the server first (npx tsc -b from the repository root): ${serverEntry} is missing`,
  );
}
if (!existsSync(join(webDist, "index.html"))) {
  throw new Error(
    `Build the web app first (pnpm --filter @entente/web run build): ${webDist} is missing`,
  );
}

const port = Number(process.env.E2E_PORT ?? 3199);
const origin = `http://127.0.0.1:${port}`;
// Set once in the runner process; workers inherit it, so they do not create their own.
process.env.ENTENTE_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "entente-e2e-"));
const dataDir = process.env.ENTENTE_E2E_DATA_DIR;

export default defineConfig({
  testDir: "./e2e",
  // One server, one seeded database: specs share it, so they run one at a time.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  globalTeardown: "./e2e/global-teardown.ts",
  outputDir: "test-results",
  reporter: [["list"], ["json", { outputFile: "../../.test-results/e2e.json" }]],
  use: {
    baseURL: origin,
    browserName: "chromium",
    locale: "en-US",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node ${JSON.stringify(serverEntry)}`,
    url: `${origin}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dataDir, "e2e.sqlite")}`,
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
      WEB_DIST: webDist,
      PUBLIC_ORIGIN: origin,
      // A fixed test key: the SSO spec connects an organization's provider.
      SSO_SECRET_KEY: "c3NvLWUyZS1rZXktMzItYnl0ZXMtZXhhY3RseS0hISE=",
    },
  },
});
