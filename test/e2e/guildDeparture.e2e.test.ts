import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { runCommand } from "../helpers/rankedCohort.js";

/** The cohort starts Monday 2027-01-04 (UTC, posts Mondays 09:00); "now" is Tuesday of week 1. */
const tuesdayOfWeek1 = new Date("2027-01-05T10:00:00Z");
const cohortName = "Departing";

/**
 * The bot removed from a server: its data waits 30 days for deletion, and meanwhile nothing is
 * posted in the server or DMed to its members on the cohorts' behalf; when the bot comes back
 * within the 30 days, both start again.
 */
describe("a server the bot was removed from", () => {
  let bot: BotHarness;
  let ada: { id: string };

  const weekPosts = (week: number) =>
    bot.emulator.channelMessages(bot.channel.id).filter((message) => visibleText(message).includes(`Week ${week} of 12`));
  const departures = () => bot.test.app.database.prisma.guildDeparture.count({ where: { guildId: bot.guild.id } });

  beforeAll(async () => {
    bot = await startBotHarness({ now: tuesdayOfWeek1 });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    ada = bot.member("ada");
    await runCommand(bot, ada.id, "join", { cohort: cohortName });
    await runCommand(bot, ada.id, "remind", { time: "18:00" });
    await bot.test.app.scheduler.tick(tuesdayOfWeek1);
  }, 120_000);
  afterAll(async () => bot.close());

  it("gets no reminders and no posts while the bot is out, and both again once it is back", async () => {
    bot.emulator.removeBotFromGuild(bot.guild.id);
    await vi.waitFor(async () => expect(await departures()).toBe(1));

    const tuesdayEvening = new Date("2027-01-05T18:01:00Z");
    await bot.test.app.scheduler.tick(tuesdayEvening);
    expect(bot.emulator.dmMessages(ada.id)).toEqual([]);
    const week2 = new Date("2027-01-11T09:01:00Z");
    bot.clock.set(week2);
    await bot.test.app.scheduler.tick(week2);
    expect(weekPosts(2)).toEqual([]);
    // Nothing counted against the member's reminder while the bot could not reach them.
    const member = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: ada.id } });
    expect(member.remindFailures).toBe(0);

    bot.emulator.restoreBotToGuild(bot.guild.id);
    await vi.waitFor(async () => expect(await departures()).toBe(0));
    await bot.test.app.scheduler.tick(week2);
    expect(weekPosts(2)).toHaveLength(1);
    const mondayEvening = new Date("2027-01-11T18:01:00Z");
    bot.clock.set(mondayEvening);
    await bot.test.app.scheduler.tick(mondayEvening);
    expect(bot.emulator.dmMessages(ada.id).length).toBeGreaterThan(0);
  });

  it("forgets a departure record once the server is available again, however it comes back", async () => {
    // A record the bot could not cancel: it came back while disconnected, and a fresh session
    // brings the server back as an outage's end (GuildAvailable), not as a join (GuildCreate).
    const now = bot.clock.now();
    await bot.test.app.database.prisma.guildDeparture.create({
      data: { guildId: bot.guild.id, leftAt: now, purgeAt: new Date(now.getTime() + 30 * 86_400_000) },
    });
    bot.emulator.removeBotFromGuild(bot.guild.id, { outage: true });
    await vi.waitFor(() => expect(bot.test.app.discord.client.guilds.cache.get(bot.guild.id)?.available).toBe(false));
    bot.emulator.restoreBotToGuild(bot.guild.id);
    await vi.waitFor(async () => expect(await departures()).toBe(0));
  });
});
