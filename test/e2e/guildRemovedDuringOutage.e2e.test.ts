import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startBotHarness, tickAt, waitLimitMs, type BotHarness } from "../helpers/botHarness.js";

/** The cohort starts Monday 2027-01-04 (UTC); "now" is Tuesday of week 1. */
const tuesdayOfWeek1 = new Date("2027-01-05T10:00:00Z");

/**
 * Discord's GUILD_DELETE without `unavailable` is a removal, whatever the server's state before it: a server
 * in an outage (reported unavailable) that then removes the bot is left for good, and its data goes 30 days later;
 * one that adds the bot back keeps it, however soon.
 */
describe("a server's removal of the bot, as the gateway reports it", () => {
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

  it("keeps a server the bot is added back to while the removal was still being recorded", async () => {
    const departure = () => bot.test.app.database.prisma.guildDeparture.findUnique({ where: { guildId: bot.guild.id } });
    bot.emulator.restoreBotToGuild(bot.guild.id);
    await vi.waitFor(async () => expect(await departure()).toBeNull(), { timeout: waitLimitMs });

    // Other writes ahead of the removal's record in the process's write queue (a busy bot).
    let release = () => {};
    const held = bot.test.app.writes.run(() => new Promise<void>((resolve) => (release = resolve)));
    bot.emulator.removeBotFromGuild(bot.guild.id);
    await vi.waitFor(() => expect(bot.test.app.discord.client.guilds.cache.has(bot.guild.id)).toBe(false), { timeout: waitLimitMs });
    // Added back before the record is written: the join finds no departure to cancel yet.
    bot.emulator.restoreBotToGuild(bot.guild.id);
    await vi.waitFor(() => expect(bot.test.app.discord.client.guilds.cache.get(bot.guild.id)?.available).toBe(true), {
      timeout: waitLimitMs,
    });
    expect(await departure()).toBeNull();
    release();
    await held;
    // The removal's record and its re-check, then the re-add's own check: all written by now.
    await bot.test.app.membership.settled();
    expect(await departure()).toBeNull();

    // The server keeps its cohort: next Monday's post goes out in its channel.
    const postsBefore = bot.emulator.channelMessages(bot.channel.id).length;
    await tickAt(bot, "2027-01-11T09:00:30Z");
    expect(bot.emulator.channelMessages(bot.channel.id).length).toBeGreaterThan(postsBefore);
  });
});
