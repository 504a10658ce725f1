import { afterEach, describe, expect, it } from "vitest";
import { createDiscordBot } from "../../src/discord/createDiscordBot.js";
import { captureLogger } from "../helpers/silentLogger.js";

const base = {
  token: "abc.def.ghi",
  apiUrl: "http://127.0.0.1:9/api",
  guildId: undefined,
  definitions: [],
  logger: captureLogger().logger,
  registerCommands: true,
};

describe("the discord.js client's shard settings", () => {
  const saved = process.env.SHARD_COUNT;
  afterEach(async () => {
    if (saved === undefined) delete process.env.SHARD_COUNT;
    else process.env.SHARD_COUNT = saved;
  });

  it("runs every guild on one connection outside a shard process, even with SHARD_COUNT=auto set for the manager (e.g. the CLI beside a sharded bot)", async () => {
    process.env.SHARD_COUNT = "auto";
    const bot = createDiscordBot(base);
    expect(bot.client.options.shards).toEqual([0]);
    expect(bot.client.options.shardCount).toBe(1);
    // The setting is still there for whoever reads it next.
    expect(process.env.SHARD_COUNT).toBe("auto");
    await bot.stop();
  });

  it("connects as the one shard a shard process was given", async () => {
    const bot = createDiscordBot({ ...base, shard: { id: 2, count: 3 }, registerCommands: false });
    expect(bot.client.options.shards).toEqual([2]);
    expect(bot.client.options.shardCount).toBe(3);
    await bot.stop();
  });
});
