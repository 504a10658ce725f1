import { Client, Events, GatewayDispatchEvents, GatewayIntentBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { DiscordEmulator } from "../../src/emulator/DiscordEmulator.js";

/** What a bot that was offline finds when it connects: Discord's READY tells removals from outages. */
describe("the emulator's READY after changes made while the bot was offline", () => {
  let emulator: DiscordEmulator | undefined;
  let client: Client | undefined;
  afterEach(async () => {
    await client?.destroy();
    await emulator?.stop();
    client = undefined;
    emulator = undefined;
  });

  /** A client logged in and ready, with the server ids its READY listed. */
  async function connect(): Promise<{ bot: Client; guildsInReady: string[] }> {
    if (emulator === undefined) throw new Error("start the emulator first");
    const connected = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emulator.apiUrl } });
    client = connected;
    const guildsInReady: string[] = [];
    connected.ws.on(GatewayDispatchEvents.Ready, (data: { guilds: { id: string }[] }) =>
      guildsInReady.push(...data.guilds.map((guild) => guild.id)),
    );
    const ready = new Promise<void>((resolve) => connected.once(Events.ClientReady, () => resolve()));
    await connected.login(emulator.token);
    await ready;
    return { bot: connected, guildsInReady };
  }

  it("leaves out a server the bot was removed from, and lists one in an outage as unavailable", async () => {
    emulator = await DiscordEmulator.start();
    const kept = emulator.createGuild({ name: "Kept" });
    const removed = emulator.createGuild({ name: "Removed" });
    const down = emulator.createGuild({ name: "Down" });
    emulator.removeBotFromGuild(removed.id);
    emulator.removeBotFromGuild(down.id, { outage: true });

    const { bot, guildsInReady } = await connect();

    expect(guildsInReady.sort()).toEqual([kept.id, down.id].sort());
    expect(bot.guilds.cache.get(kept.id)?.available).toBe(true);
    expect(bot.guilds.cache.get(down.id)?.available).toBe(false);
    expect(bot.guilds.cache.has(removed.id)).toBe(false);
  });

  it("lists a server again once the bot is added back", async () => {
    emulator = await DiscordEmulator.start();
    const server = emulator.createGuild({ name: "Back" });
    emulator.removeBotFromGuild(server.id);
    emulator.restoreBotToGuild(server.id);

    const { bot } = await connect();

    expect(bot.guilds.cache.get(server.id)?.available).toBe(true);
  });
});
