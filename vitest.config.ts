import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.{ts,tsx}"],
    // Several instances over PostgreSQL and Redis: their own pass (vitest.scale.config.ts).
    exclude: [...configDefaults.exclude, "**/*.scale.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Server tests start real servers on ports and SQLite files; two cores here.
    maxWorkers: 2,
  },
});
