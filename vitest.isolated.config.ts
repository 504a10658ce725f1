import { defineConfig } from "vitest/config";

/**
 * Load tests (e.g. 500 members running /done at once, several bot processes), one file at a time,
 * nothing beside them: they take the machine's cores for minutes. Their emulators' deadlines and
 * waits are hang guards (unhurriedDeadlineMs), so a slow machine makes them slower, not failing.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.isolated.test.ts"],
    // Above the emulators' hang guards (unhurriedDeadlineMs, 5 minutes): a machine busy with other work makes a
    // load test take minutes longer, which must not fail it; only a hang does.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    expect: { poll: { timeout: 300_000 } }, // below the test timeout, as in vitest.config.ts
    maxWorkers: 1,
    fileParallelism: false,
  },
});
