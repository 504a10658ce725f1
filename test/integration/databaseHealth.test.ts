import { afterEach, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";
import { testDatabaseProvider, withServer } from "../helpers/testDatabase.js";

/** Lets the test database take connections or not, and ends the ones it has: PostgreSQL gone, as far as the bot sees. */
async function setReachable(databaseUrl: string, reachable: boolean): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  await withServer(async (client) => {
    await client.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${reachable ? "true" : "false"}`);
    if (!reachable) await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
  });
}

/**
 * The heartbeat (HEALTH_FILE, read by the container's health check) is written only while app.healthy(): a bot whose
 * PostgreSQL is unreachable answers every command with an error, and must not report itself healthy meanwhile.
 * PostgreSQL only: a SQLite file the bot has open cannot go away from under it.
 */
describe.skipIf(testDatabaseProvider !== "postgresql")("the health check and a lost PostgreSQL", () => {
  let bot: BotHarness | undefined;
  afterEach(async () => {
    if (bot !== undefined) await setReachable(bot.test.databaseUrl, true);
    await bot?.close();
    bot = undefined;
  });

  it("is unhealthy while the database cannot be reached, and healthy again once it can", async () => {
    bot = await startBotHarness();
    const app = bot.test.app;
    expect(await app.healthy()).toBe(true);

    await setReachable(bot.test.databaseUrl, false);
    expect(await app.healthy()).toBe(false);

    await setReachable(bot.test.databaseUrl, true);
    expect(await app.healthy()).toBe(true);
  });
});
