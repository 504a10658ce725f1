import type { BotHarness } from "./botHarness.js";
import { startTestApp, type TestApp } from "./testApp.js";

/**
 * The bot started on `bot`'s database and emulator after the one running there was closed (the caller closes
 * it); `environment` adds to or replaces the connection settings (sharding, another application's token).
 */
export async function startAgain(bot: BotHarness, environment: Record<string, string> = {}): Promise<TestApp> {
  const app = await startTestApp({
    clock: bot.clock,
    schedulerTickCron: null,
    environment: {
      DISCORD_TOKEN: bot.emulator.token,
      DISCORD_API_URL: bot.emulator.apiUrl,
      DATABASE_URL: bot.test.databaseUrl,
      ...environment,
    },
  });
  await app.app.start();
  return app;
}

/** Closes the bot `bot` runs and starts it again on the same database and emulator, as a redeploy does. */
export async function restartBot(bot: BotHarness): Promise<TestApp> {
  await bot.test.app.close();
  return startAgain(bot);
}
