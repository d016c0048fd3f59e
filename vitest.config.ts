import { defineConfig } from "vitest/config";

// One config for the workspace. Node-side tests import workspace packages from
// source through the "@corridor/source" export condition. graphql 16 ships
// both index.js and index.mjs; pinning one keeps a single instance of it.
export default defineConfig({
  resolve: {
    conditions: ["@corridor/source"],
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  ssr: {
    resolve: { conditions: ["@corridor/source"], externalConditions: ["@corridor/source"] },
  },
  test: {
    // chdb crashes under worker threads; each test file gets its own process (and data directory).
    pool: "forks",
    include: ["web/test/**/*.test.ts", "warehouse/test/**/*.test.ts", "etl/test/**/*.test.ts", "server/test/**/*.test.ts", "docker/test/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
