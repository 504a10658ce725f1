import { afterEach, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { botCanSend, startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

/**
 * A cohort paused in its last week and left paused past the end of the course (its closing post was due
 * on Monday 29 March, 09:00 UTC), or whose channel was deleted then: the course still gets its closing
 * post, with the final leaderboard, once, when an admin resumes it, ends it or picks a channel, or the bot
 * finds its permissions fixed (in any process), however long after the end that is, retried for a day after.
 */
describe("a cohort held past the end of its course", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Holiday";
  afterEach(async () => bot.close());

  /** Ada in the cohort on Monday of its last week, that week's post out; `done`: she has ticked "Storage Engines". */
  const adaInTheLastWeek = async ({ done }: { done: boolean }): Promise<void> => {
    bot = await startBotHarness({ now: new Date("2027-03-22T08:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    if (done) await bot.reply(ada.id, "done", { item: "Storage Engines" });
    await tickAt(bot, "2027-03-22T09:00:00Z");
  };

  /** Exactly one post, the closing one: the final leaderboard, with Ada on it. */
  const expectOneClosingPost = (posted: string[]): void => {
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain("Final leaderboard");
    expect(posted[0]).toContain("ada");
  };

  const pausedPastTheEnd = async (): Promise<number> => {
    await adaInTheLastWeek({ done: true });
    await bot.reply(bot.admin.id, "cohort pause", { cohort: cohortName });
    await tickAt(bot, "2027-03-29T09:00:00Z");
    await tickAt(bot, "2027-04-02T09:00:00Z");
    return bot.emulator.channelMessages(bot.channel.id).length;
  };

  const postedSince = (before: number) => bot.emulator.channelMessages(bot.channel.id).slice(before).map(visibleText);

  it("posts the closing post with the final leaderboard when resumed a week after the end, once", async () => {
    const before = await pausedPastTheEnd();
    bot.clock.set(new Date("2027-04-05T10:00:00Z"));
    await bot.reply(bot.admin.id, "cohort resume", { cohort: cohortName });
    await tickAt(bot, "2027-04-05T10:01:00Z");
    await tickAt(bot, "2027-04-05T11:00:00Z");
    await tickAt(bot, "2027-04-07T11:00:00Z");
    expectOneClosingPost(postedSince(before));
    expect(visibleText(await bot.reply(ada.id, "leaderboard"))).toContain("Final leaderboard");
  });

  it("posts it when ended a week after the end, as the end's reply promises, once", async () => {
    const before = await pausedPastTheEnd();
    bot.clock.set(new Date("2027-04-05T10:00:00Z"));
    const reply = visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName }));
    expect(reply).toContain("closing post");
    await tickAt(bot, "2027-04-05T10:01:00Z");
    await tickAt(bot, "2027-04-07T11:00:00Z");
    expectOneClosingPost(postedSince(before));
  });

  it("still skips the running week's post more than a day late on resume mid-course: only the closing post is let out", async () => {
    bot = await startBotHarness({ now: new Date("2027-03-01T08:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    await bot.reply(bot.admin.id, "cohort pause", { cohort: cohortName });
    await tickAt(bot, "2027-03-01T09:00:00Z");
    bot.clock.set(new Date("2027-03-03T10:00:00Z"));
    await bot.reply(bot.admin.id, "cohort resume", { cohort: cohortName });
    await tickAt(bot, "2027-03-03T10:01:00Z");
    expect(bot.emulator.channelMessages(bot.channel.id)).toEqual([]);
  });

  it("posts it in the new channel when an admin picks one a week after the end, the old one deleted in the last week", async () => {
    await adaInTheLastWeek({ done: true });
    bot.emulator.deleteChannel(bot.channel.id);
    await tickAt(bot, "2027-03-26T17:00:00Z");
    await tickAt(bot, "2027-03-29T09:00:00Z");
    const replacement = bot.emulator.createChannel(bot.guild.id, { name: "replacement" });
    await until(() => bot.test.app.discord.client.channels.cache.has(replacement.id), "the new channel in the bot's cache");
    bot.clock.set(new Date("2027-04-05T10:00:00Z"));
    await bot.run(bot.admin.id, "cohort edit", { cohort: cohortName, channel: replacement.id }, replacement.id).final();
    await tickAt(bot, "2027-04-05T10:01:00Z");
    await tickAt(bot, "2027-04-07T11:00:00Z");
    expectOneClosingPost(bot.emulator.channelMessages(replacement.id).map(visibleText));
  });

  it("posts it when the bot's Send Messages, taken away in the last week, is given back a week after the end", async () => {
    await adaInTheLastWeek({ done: true });
    const before = bot.emulator.channelMessages(bot.channel.id).length;
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: false });
    await until(() => !botCanSend(bot.test, bot.channel.id), "the lost permission in the bot's cache");
    await tickAt(bot, "2027-03-29T09:00:00Z");
    await tickAt(bot, "2027-04-02T09:00:00Z");
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: true });
    await until(() => botCanSend(bot.test, bot.channel.id), "the permission back in the bot's cache");
    await tickAt(bot, "2027-04-05T10:00:00Z");
    await tickAt(bot, "2027-04-05T10:10:00Z");
    await tickAt(bot, "2027-04-07T11:00:00Z");
    expectOneClosingPost(postedSince(before));
  });

  /** Ada's cohort in its last week, the bot's Send Messages taken away then, the end passed, and given back a week later. */
  const permissionGivenBackAWeekAfterTheEnd = async (): Promise<number> => {
    await adaInTheLastWeek({ done: false });
    const before = bot.emulator.channelMessages(bot.channel.id).length;
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: false });
    await until(() => !botCanSend(bot.test, bot.channel.id), "the lost permission in the bot's cache");
    await tickAt(bot, "2027-03-29T09:00:00Z");
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: true });
    await until(() => botCanSend(bot.test, bot.channel.id), "the permission back in the bot's cache");
    return before;
  };

  const closingPosts = (before: number) => postedSince(before).filter((text) => text.includes("Final leaderboard"));

  it("posts it at the retry when the first send after the permission came back fails", async () => {
    const before = await permissionGivenBackAWeekAfterTheEnd();
    // More failures than discord.js retries on its own: the tick that finds the channel usable fails to send.
    bot.emulator.failNext(`POST /channels/${bot.channel.id}/messages`, 503, 4);
    await tickAt(bot, "2027-04-05T10:00:00Z");
    expect(closingPosts(before)).toEqual([]);
    await tickAt(bot, "2027-04-05T10:10:00Z");
    await tickAt(bot, "2027-04-07T11:00:00Z");
    expect(closingPosts(before)).toHaveLength(1);
  });

  it("posts it when another process found the permission back first", async () => {
    const before = await permissionGivenBackAWeekAfterTheEnd();
    // Another process's probe: the flag cleared as the scheduler clears it, before this process's tick reads the cohort.
    const { database, writes } = bot.test.app;
    const cohort = await database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    const otherProcess = new CohortRepository(database.prisma, database.target.provider, writes);
    expect(await otherProcess.clearChannelProblem(cohort, new Date("2027-04-05T09:59:00Z"))).toBe(true);
    await tickAt(bot, "2027-04-05T10:00:00Z");
    await tickAt(bot, "2027-04-07T11:00:00Z");
    expect(closingPosts(before)).toHaveLength(1);
  });

  it("posts it when the admin, after giving the permission back, picks the same channel again with /cohort edit", async () => {
    const before = await permissionGivenBackAWeekAfterTheEnd();
    bot.clock.set(new Date("2027-04-05T10:00:00Z"));
    await bot.run(bot.admin.id, "cohort edit", { cohort: cohortName, channel: bot.channel.id }).final();
    await tickAt(bot, "2027-04-05T10:01:00Z");
    await tickAt(bot, "2027-04-07T11:00:00Z");
    expect(closingPosts(before)).toHaveLength(1);
  });

  it("skips the closing post of a cohort ended while the bot was offline for days: late from the end, like any post", async () => {
    const before = await pausedPastTheEnd();
    bot.clock.set(new Date("2027-04-05T10:00:00Z"));
    await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName });
    await tickAt(bot, "2027-04-08T10:00:00Z");
    expect(postedSince(before)).toEqual([]);
  });
});
