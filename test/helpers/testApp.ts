import path from "node:path";
import { loadConfig } from "../../src/config/loadConfig.js";
import { createApp, type App, type AppOverrides } from "../../src/createApp.js";
import { captureLogger } from "./silentLogger.js";
import { makeTempDir } from "./tempDir.js";

export interface TestApp {
  readonly app: App;
  readonly databaseFile: string;
  readonly logs: () => Record<string, unknown>[];
  close(): Promise<void>;
}

/** A fully built app on a fresh SQLite file (migrated and seeded like a first start). */
export async function startTestApp(overrides: AppOverrides & { environment?: Record<string, string> } = {}): Promise<TestApp> {
  const temp = makeTempDir();
  const databaseFile = path.join(temp.dir, "cohort-bot.db");
  const captured = captureLogger("info");
  const config = loadConfig({ DATABASE_URL: `file:${databaseFile}`, ...overrides.environment });
  const app = await createApp(config, { logger: captured.logger, ...overrides });
  return {
    app,
    databaseFile,
    logs: captured.lines,
    async close() {
      await app.close();
      temp.cleanup();
    },
  };
}
