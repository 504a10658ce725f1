import { defineConfig } from "vitest/config";

/** Load tests (e.g. 500 members running /done at once), one file at a time, nothing beside them. */
export default defineConfig({
  test: {
    include: ["test/**/*.isolated.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    maxWorkers: 1,
    fileParallelism: false,
  },
});
