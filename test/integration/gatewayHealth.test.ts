import { once } from "node:events";
import { Events } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

/**
 * The heartbeat (HEALTH_FILE, read by the container's health check) is written only while discord().connected():
 * a bot that lost Discord must stop reporting itself healthy, and one that got its connection back report so again.
 */
describe("the gateway check behind the heartbeat", () => {
  let bot: BotHarness | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  it("is false once the connection to Discord is lost and cannot be made again", async () => {
    bot = await startBotHarness();
    const discord = bot.test.app.discord;
    expect(discord.connected()).toBe(true);

    const reconnecting = once(discord.client, Events.ShardReconnecting);
    await bot.emulator.stop();
    await reconnecting;

    expect(discord.connected()).toBe(false);
  });

  it("is true again once a dropped connection is resumed", async () => {
    bot = await startBotHarness();
    const discord = bot.test.app.discord;
    const resumed = once(discord.client, Events.ShardResume);
    bot.emulator.dropGatewayConnections();
    await resumed;

    expect(discord.connected()).toBe(true);
  });
});
