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
    // Timing-sensitive load tests run alone afterwards (vitest.isolated.config.ts),
    // so another file's work cannot steal their CPU inside Discord's 3-second window.
    exclude: [...configDefaults.exclude, "test/**/*.isolated.test.ts"],
  },
});

export default defineConfig({
  test: {
    projects: [tier("unit"), tier("integration"), tier("e2e")],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep parallelism modest so end-to-end timings stay honest.
    maxWorkers: 2,
  },
});
