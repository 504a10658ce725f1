import { afterEach, describe, expect, it } from "vitest";
import { DiscordEmulator } from "../../src/emulator/DiscordEmulator.js";
import { unhurriedDeadlineMs } from "../helpers/botHarness.js";
import { spawnBotInTempDir, type BotProcess } from "../helpers/botProcess.js";

/** pino's level numbers: error is 50, fatal 60. */
const errorLevel = 50;

// `docker stop` (or Ctrl+C) while the bot is still starting is an ordinary stop, not a failed start.
describe("SIGTERM while the bot is starting", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function startBot(extra: Record<string, string> = {}): Promise<{ emulator: DiscordEmulator; bot: () => BotProcess }> {
    const emulator = await DiscordEmulator.start({ interactionDeadlineMs: unhurriedDeadlineMs, answerWaitMs: unhurriedDeadlineMs });
    cleanups.push(() => emulator.stop());
    emulator.createGuild({ name: "Study Server" });
    return {
      emulator,
      bot: () => spawnBotInTempDir({ DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, ...extra }, cleanups),
    };
  }

  it("while it logs in to Discord: says it was asked to stop, closes and exits 0 without an error", async () => {
    const { emulator, bot: spawn } = await startBot();
    // discord.js's login starts with GET /gateway/bot: held, the bot is logging in for as long as the test wants.
    const login = emulator.holdNext("GET /gateway/bot");
    cleanups.push(() => login.release());
    const bot = spawn();
    await login.arrived;
    expect(await bot.stop()).toBe(0);
    await bot.closed();
    expect(bot.logs().filter((line) => Number(line.level) >= errorLevel)).toEqual([]);
    expect(bot.logs()).toContainEqual(expect.objectContaining({ msg: "asked to stop during start-up", reason: "SIGTERM" }));
    expect(bot.logs().map((line) => line.msg)).not.toContain("connected to Discord");
  });

  it("while it migrates the database: exits 0 without an error", async () => {
    const { bot: spawn } = await startBot();
    const bot = spawn();
    await bot.waitForLog((line) => line.msg === "migration applied", "the first migration");
    expect(await bot.stop()).toBe(0);
    await bot.closed();
    expect(bot.logs().filter((line) => Number(line.level) >= errorLevel)).toEqual([]);
  });

  it("under the shard manager, while a shard logs in: stops that shard, then exits 0 without an error", async () => {
    const { emulator, bot: spawn } = await startBot({ SHARD_COUNT: "1" });
    // GET /gateway/bot: first the manager's (how many shards), then the shard's login, held.
    const managerAsks = emulator.holdNext("GET /gateway/bot");
    cleanups.push(() => managerAsks.release());
    const bot = spawn();
    await managerAsks.arrived;
    const shardLogin = emulator.holdNext("GET /gateway/bot");
    cleanups.push(() => shardLogin.release());
    managerAsks.release();
    await shardLogin.arrived;
    const shard = await bot.waitForLog((line) => line.msg === "shard process started", "the shard process");
    expect(await bot.stop()).toBe(0);
    await bot.closed();
    expect(bot.logs().filter((line) => Number(line.level) >= errorLevel)).toEqual([]);
    // The manager's and the shard's (in either order: they share the output), the shard stopped before the manager exits.
    const stopLines = bot.logs().filter((line) => line.msg === "asked to stop during start-up");
    expect(stopLines).toHaveLength(2);
    expect(stopLines.find((line) => line.shard === undefined)).toMatchObject({ signal: "SIGTERM" });
    expect(stopLines.find((line) => line.shard === 0)).toMatchObject({ reason: "SIGTERM" });
    expect(isRunning(Number(shard.pid))).toBe(false);
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
