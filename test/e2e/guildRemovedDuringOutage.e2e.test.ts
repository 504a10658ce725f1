import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startBotHarness, waitLimitMs, type BotHarness } from "../helpers/botHarness.js";

/** The cohort starts Monday 2027-01-04 (UTC); "now" is Tuesday of week 1. */
const tuesdayOfWeek1 = new Date("2027-01-05T10:00:00Z");

/**
 * Discord's GUILD_DELETE without `unavailable` is a removal, whatever the server's state before it: a server
 * in an outage (reported unavailable) that then removes the bot is left for good, and its data goes 30 days later.
 */
describe("a server that removes the bot while it is in an outage", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: tuesdayOfWeek1 });
    await bot.createCohort({ name: "Outage Spring", start: "2027-01-04" });
  }, 120_000);
  afterAll(async () => bot.close());

  it("records the departure: the removal is not taken for the outage", async () => {
    const departure = () => bot.test.app.database.prisma.guildDeparture.findUnique({ where: { guildId: bot.guild.id } });
    bot.emulator.removeBotFromGuild(bot.guild.id, { outage: true });
    await vi.waitFor(() => expect(bot.test.app.discord.client.guilds.cache.get(bot.guild.id)?.available).toBe(false), {
      timeout: waitLimitMs,
    });
    // The outage alone records nothing.
    expect(await departure()).toBeNull();

    bot.emulator.removeBotFromGuild(bot.guild.id);
    await vi.waitFor(() => expect(bot.test.app.discord.client.guilds.cache.has(bot.guild.id)).toBe(false), { timeout: waitLimitMs });
    await vi.waitFor(async () => expect((await departure())?.purgeAt).toEqual(new Date(tuesdayOfWeek1.getTime() + 30 * 86_400_000)), {
      timeout: waitLimitMs,
    });
  });
});
