import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { botCanSend, createByCommand, startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

const fullTimestamp = (iso: string) => `<t:${Date.parse(iso) / 1000}:F>`;

/**
 * A cohort set up after its first post's time: the scheduler sends the running week's post at its next tick
 * (late only since the creation), so `/cohort create` and `/cohort edit` name that post, not next week's.
 */
describe("/cohort create and /cohort edit of a cohort set up late", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    // Tuesday: the course started Monday, whose 09:00 post (week 1) is more than a day past.
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  });
  afterAll(async () => bot.close());

  const nextWeeklyPost = (text: string) => /Next weekly post\n(.*)/.exec(text)?.[1];

  it("create names the running week's post, going out at the next tick", async () => {
    const created = await createByCommand(bot, "Late Start", "2027-01-04");
    expect(nextWeeklyPost(visibleText(created))).toBe(`Within a minute (it was due ${fullTimestamp("2027-01-04T09:00:00Z")}) · week 1`);
  });

  it("edit says the same while it has not gone out", async () => {
    const edited = await bot.reply(bot.admin.id, "cohort edit", { cohort: "Late Start", announce_time: "08:00" });
    expect(nextWeeklyPost(visibleText(edited))).toBe(`Within a minute (it was due ${fullTimestamp("2027-01-04T08:00:00Z")}) · week 1`);
  });

  it("the tick posts week 1, and then the next weekly post is week 2", async () => {
    await tickAt(bot, "2027-01-05T10:01:00Z");
    const titles = bot.emulator.channelMessages(bot.channel.id).flatMap((message) => message.embeds.map((embed) => embed.title));
    expect(titles).toContain("📚 Week 1 of 12 · Late Start");
    const info = await bot.reply(bot.admin.id, "cohort info", { cohort: "Late Start" });
    expect(nextWeeklyPost(visibleText(info))).toMatch(new RegExp(`^${fullTimestamp("2027-01-11T08:00:00Z")} \\(<t:\\d+:R>\\) · week 2$`));
  });

  it("says it in Spanish to a Spanish-speaking admin", async () => {
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const created = await createByCommand(bot, "Tarde", "2027-01-04", {}, directora.id);
    expect(visibleText(created)).toContain(`En menos de un minuto (debía salir el ${fullTimestamp("2027-01-04T09:00:00Z")}) · semana 1`);
  });
});

/** `/cohort info` of a cohort set up late whose running week's post is waiting for one reason or another. */
describe("/cohort info of a late cohort's post", () => {
  let bot: BotHarness;

  beforeEach(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await createByCommand(bot, "Late Start", "2027-01-04");
  });
  afterEach(async () => bot.close());

  const nextWeeklyPost = async () =>
    /Next weekly post\n(.*)/.exec(visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: "Late Start" })))?.[1];

  it("still names it after a send that failed and will be retried", async () => {
    bot.emulator.failNext(`POST /channels/${bot.channel.id}/messages`, 503, 4);
    await tickAt(bot, "2027-01-05T10:01:00Z");
    expect(bot.emulator.channelMessages(bot.channel.id).filter((message) => !message.ephemeral)).toEqual([]);
    expect(await nextWeeklyPost()).toBe(`Within a minute (it was due ${fullTimestamp("2027-01-04T09:00:00Z")}) · week 1`);
  });

  it("does not say it goes out within a minute while the channel is flagged", async () => {
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: false });
    await until(() => !botCanSend(bot.test, bot.channel.id), "the lost permission in the bot's cache");
    await bot.reply(bot.admin.id, "cohort announce", { cohort: "Late Start", kind: "leaderboard" });
    expect(await nextWeeklyPost()).not.toMatch(/^Within a minute/);
  });
});
