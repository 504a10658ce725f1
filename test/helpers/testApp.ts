import { loadConfig } from "../../src/config/loadConfig.js";
import { createApp, type App, type AppOverrides } from "../../src/createApp.js";
import { captureLogger } from "./silentLogger.js";
import { createMigratedTestDatabase } from "./migratedTestDatabase.js";
import { testDatabaseProvider } from "./testDatabase.js";

/** How long the bot's discord.js waits for the emulator's answer to a request: a hang guard, not Discord's 15 s. */
export const discordRequestTimeoutMs = 5 * 60_000;

export interface TestApp {
  readonly app: App;
  /**
   * The SQLite file. Throws when the suite runs on PostgreSQL: a test that
   * reopens the database should use `databaseUrl`, which works on both.
   */
  readonly databaseFile: string;
  /** DATABASE_URL of this app's own database (a fresh SQLite file or PostgreSQL database). */
  readonly databaseUrl: string;
  readonly provider: "sqlite" | "postgresql";
  readonly logs: () => Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * A fully built app on a fresh database (migrated and seeded like a first
 * start): a SQLite file, or with TEST_DATABASE=postgresql a PostgreSQL
 * database of its own, dropped again by close(). An explicit DATABASE_URL in
 * `environment` is used as is and left alone.
 */
export async function startTestApp(overrides: AppOverrides & { environment?: Record<string, string> } = {}): Promise<TestApp> {
  const explicitUrl = overrides.environment?.DATABASE_URL;
  const database = explicitUrl === undefined ? await createMigratedTestDatabase() : null;
  const databaseUrl = explicitUrl ?? database?.url ?? "";
  const provider = database?.provider ?? (databaseUrl.startsWith("file:") ? "sqlite" : "postgresql");
  const captured = captureLogger("info");
  let app: App;
  try {
    const config = loadConfig({ ...overrides.environment, DATABASE_URL: databaseUrl });
    app = await createApp(config, { logger: captured.logger, ...overrides });
    // discord.js gives up a request after 15 s of wall clock and sends it again. Tests hold requests on the emulator
    // (holdNext) while other work runs, which a loaded machine can stretch past 15 s: the held request would then be
    // sent twice and the order the test set up lost. A hang guard instead, as the emulator's own deadlines.
    app.discord.client.rest.options.timeout = discordRequestTimeoutMs;
  } catch (error) {
    await database?.drop();
    throw error;
  }
  const filePath = database?.filePath ?? (provider === "sqlite" ? databaseUrl.slice("file:".length) : null);
  return {
    app,
    get databaseFile(): string {
      if (filePath === null) {
        throw new Error(`This test reads the SQLite file directly, but the suite runs on ${testDatabaseProvider}; use databaseUrl instead`);
      }
      return filePath;
    },
    databaseUrl,
    provider,
    logs: captured.lines,
    async close() {
      try {
        await app.close();
      } finally {
        await database?.drop();
      }
    },
  };
}
