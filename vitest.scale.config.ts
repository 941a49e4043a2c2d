import { defineConfig } from "vitest/config";

/**
 * The scale-out tests: several built server processes over one PostgreSQL and one Redis
 * (and nginx in front for the deployment test). `npm test` runs them after the rest.
 */
export default defineConfig({
  test: {
    include: ["apps/server/src/**/*.scale.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each test runs three server processes and a Redis: one file at a time on two cores.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
