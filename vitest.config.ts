import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Timing-sensitive load tests run alone afterwards (vitest.isolated.config.ts),
    // so another file's work cannot steal their CPU inside Discord's 3-second window.
    exclude: [...configDefaults.exclude, "test/**/*.isolated.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep parallelism modest so end-to-end timings stay honest.
    maxWorkers: 2,
  },
});
