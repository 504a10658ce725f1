import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A cohort paused in its last week and left paused past the end of the course (its closing post was due
 * on Monday 29 March, 09:00 UTC), or whose channel was deleted then: the course still gets its closing
 * post, with the final leaderboard, once, when an admin resumes it, ends it or picks a new channel,
 * however long after the end that is.
 */
describe("a cohort held past the end of its course", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Holiday";
  afterEach(async () => bot.close());

  const pausedPastTheEnd = async (): Promise<number> => {
    bot = await startBotHarness({ now: new Date("2027-03-22T08:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(ada.id, "done", { item: "Storage Engines" });
    await tickAt(bot, "2027-03-22T09:00:00Z");
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
    const posted = postedSince(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain("Final leaderboard");
    expect(posted[0]).toContain("ada");
    expect(visibleText(await bot.reply(ada.id, "leaderboard"))).toContain("Final leaderboard");
  });

  it("posts it when ended a week after the end, as the end's reply promises, once", async () => {
    const before = await pausedPastTheEnd();
    bot.clock.set(new Date("2027-04-05T10:00:00Z"));
    const reply = visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName }));
    expect(reply).toContain("closing post");
    await tickAt(bot, "2027-04-05T10:01:00Z");
    await tickAt(bot, "2027-04-07T11:00:00Z");
    const posted = postedSince(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain("Final leaderboard");
    expect(posted[0]).toContain("ada");
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
    bot = await startBotHarness({ now: new Date("2027-03-22T08:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(ada.id, "done", { item: "Storage Engines" });
    await tickAt(bot, "2027-03-22T09:00:00Z");
    bot.emulator.deleteChannel(bot.channel.id);
    await tickAt(bot, "2027-03-26T17:00:00Z");
    await tickAt(bot, "2027-03-29T09:00:00Z");
    const replacement = bot.emulator.createChannel(bot.guild.id, { name: "replacement" });
    await waitFor(() => bot.test.app.discord.client.channels.cache.has(replacement.id));
    bot.clock.set(new Date("2027-04-05T10:00:00Z"));
    await bot.run(bot.admin.id, "cohort edit", { cohort: cohortName, channel: replacement.id }, replacement.id).final();
    await tickAt(bot, "2027-04-05T10:01:00Z");
    await tickAt(bot, "2027-04-07T11:00:00Z");
    const posted = bot.emulator.channelMessages(replacement.id).map(visibleText);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain("Final leaderboard");
    expect(posted[0]).toContain("ada");
  });

  it("posts it when the bot's Send Messages, taken away in the last week, is given back a week after the end", async () => {
    bot = await startBotHarness({ now: new Date("2027-03-22T08:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(ada.id, "done", { item: "Storage Engines" });
    await tickAt(bot, "2027-03-22T09:00:00Z");
    const before = bot.emulator.channelMessages(bot.channel.id).length;
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: false });
    await waitFor(() => !botCanSend(bot));
    await tickAt(bot, "2027-03-29T09:00:00Z");
    await tickAt(bot, "2027-04-02T09:00:00Z");
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: true });
    await waitFor(() => botCanSend(bot));
    await tickAt(bot, "2027-04-05T10:00:00Z");
    await tickAt(bot, "2027-04-05T10:10:00Z");
    await tickAt(bot, "2027-04-07T11:00:00Z");
    const posted = postedSince(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain("Final leaderboard");
    expect(posted[0]).toContain("ada");
  });
});

/** Waits for a gateway event to reach the bot; the test's timeout bounds it, not a deadline that depends on the machine's speed. */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Whether discord.js, as the gateway told it, lets the bot send in the harness channel. */
function botCanSend(bot: BotHarness): boolean {
  const client = bot.test.app.discord.client;
  const channel = client.channels.cache.get(bot.channel.id);
  if (channel === undefined || client.user === null || !("permissionsFor" in channel)) return false;
  return channel.permissionsFor(client.user)?.has(PermissionFlagsBits.SendMessages) === true;
}
