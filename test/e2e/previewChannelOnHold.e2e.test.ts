import { afterEach, describe, expect, it } from "vitest";
import { botCanSend, startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

// The scheduler holds a cohort's posts once one fails for its channel (deleted, or the bot's permissions taken):
// /cohort preview must not show the held post as simply what the bot will post, as if nothing were wrong.
describe("/cohort preview of a cohort whose posts are on hold for its channel", () => {
  let bot: BotHarness;
  afterEach(async () => bot.close());

  const preview = async (staffRoomId: string, week?: number) =>
    visibleText(
      await bot
        .run(bot.admin.id, "cohort preview", { cohort: "Backend Spring 2027", ...(week === undefined ? {} : { week }) }, staffRoomId)
        .final(),
    );

  it("says the posts are on hold and why, and no more once the channel is fixed and the post went out", async () => {
    // Sunday of week 1: week 2's post is due Monday 09:00.
    bot = await startBotHarness({ now: new Date("2027-01-10T10:00:00Z") });
    const staffRoom = bot.emulator.createChannel(bot.guild.id, { name: "staff" });
    await bot.createCohort({ start: "2027-01-04" });
    await tickAt(bot, "2027-01-10T10:00:00Z");
    expect(await preview(staffRoom.id)).not.toContain("on hold");

    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: false });
    await until(() => !botCanSend(bot.test, bot.channel.id), "the permission change in the bot's cache");
    await tickAt(bot, "2027-01-11T09:00:00Z");
    const held = await preview(staffRoom.id);
    expect(held).toContain("I can't post in");
    expect(held).toContain("so the bot's posts are on hold");

    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: true });
    await until(() => botCanSend(bot.test, bot.channel.id), "the permission back in the bot's cache");
    await tickAt(bot, "2027-01-11T09:10:00Z");
    expect(await preview(staffRoom.id)).not.toContain("on hold");
    expect(await preview(staffRoom.id, 2)).toMatch(/Week 2 assignment \(2 messages\): posted/);
  });
});
