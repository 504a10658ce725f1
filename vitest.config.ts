import { configDefaults, defineConfig } from "vitest/config";

/**
 * Three tiers, one vitest project each (`npx vitest run --project unit`):
 * unit (pure code, no database, network or child process), integration (a real
 * database, file, HTTP server or process) and e2e (the real bot through
 * discord.js and the emulator).
 */
const tier = (name: string) => ({
  extends: true as const,
  test: {
    name,
    include: [`test/${name}/**/*.test.ts`],
    // The multi-process load tests run alone afterwards (vitest.isolated.config.ts): each
    // takes the machine's cores for minutes, which would stretch every file run beside them.
    exclude: [...configDefaults.exclude, "test/**/*.isolated.test.ts"],
  },
});

export default defineConfig({
  test: {
    projects: [tier("unit"), tier("integration"), tier("e2e")],
    // Hang guards, not speed claims: at a load of 20 the scheduler-world tests take 25–32 s of work
    // that takes 5 s alone, and a hook that starts the playground and a browser is no lighter than a
    // test. Speed goals live in `npm run bench`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll's own default is 1 s: a busy machine may take longer to reach what it polls for. Below
    // the test timeout (as waitLimitMs in test/helpers/botHarness.ts), so a poll that never succeeds fails
    // with its own assertion message instead of a bare "Test timed out".
    expect: { poll: { timeout: 100_000 } },
    // Two cores: keep parallelism modest so the machine stays usable (no test depends on speed).
    maxWorkers: 2,
  },
});
