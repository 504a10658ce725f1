import { defineConfig } from "vitest/config";

/**
 * Load tests (e.g. 500 members running /done at once, several bot processes), one file at a time,
 * nothing beside them: they take the machine's cores for minutes. Their emulators' deadlines and
 * waits are hang guards (unhurriedDeadlineMs), so a slow machine makes them slower, not failing.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.isolated.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 100_000 } }, // below the test timeout, as in vitest.config.ts
    maxWorkers: 1,
    fileParallelism: false,
  },
});
