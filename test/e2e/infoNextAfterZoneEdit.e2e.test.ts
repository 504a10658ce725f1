import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/cohort info` after a `timezone` edit moves a post already sent to a later time: that post is not sent
 * again, so the next one named is the one still to come.
 */
describe("/cohort info's next posts after a zone edit moves a sent one later", () => {
  let bot: BotHarness;
  const cohortName = "Backend";
  const checkpointTitles = () =>
    bot.emulator
      .channelMessages(bot.channel.id)
      .map((message) => message.embeds[0]?.title ?? "")
      .filter((title) => title.startsWith("✅"));

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    // Database Fundamentals' prompt: Friday of week 2, 17:00 UTC.
    await tickAt(bot, "2027-01-15T17:00:00Z");
    // 18:00 UTC is 10:00 in Los Angeles: its 17:00 there is still to come.
    bot.clock.set(new Date("2027-01-15T18:00:00Z"));
    await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, timezone: "America/Los_Angeles" });
  });
  afterAll(async () => bot.close());

  it("names the next checkpoint still to be posted, not the one already out", async () => {
    const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName }));
    const performanceAt = Date.parse("2027-01-23T01:00:00Z") / 1000;
    expect(info).toContain(`<t:${performanceAt}:F> (<t:${performanceAt}:R>) · Database Performance`);
    expect(info).not.toMatch(/· Database Fundamentals\n/);
  });

  it("does not post the moved prompt again when its new time comes", async () => {
    await tickAt(bot, "2027-01-16T01:00:00Z");
    expect(checkpointTitles()).toEqual(["✅ Checkpoint · Database Fundamentals"]);
  });
});

/**
 * `/cohort preview` without a week after a `timezone` edit moves the weekly post already sent to a later time:
 * it opens the week `/cohort info` names as next, the one still to be posted.
 */
describe("/cohort preview's default week after a zone edit moves a sent one later", () => {
  let bot: BotHarness;
  const cohortName = "Frontend";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    await tickAt(bot, "2027-01-04T09:00:00Z");
    // Week 2's post: Monday 09:00 UTC; 10:00 UTC is 02:00 in Los Angeles, so its 09:00 there is still to come.
    await tickAt(bot, "2027-01-11T09:00:00Z");
    bot.clock.set(new Date("2027-01-11T10:00:00Z"));
    await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, timezone: "America/Los_Angeles" });
  });
  afterAll(async () => bot.close());

  it("opens the week still to be posted, the one /cohort info names as next", async () => {
    const week3At = Date.parse("2027-01-18T17:00:00Z") / 1000;
    const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName }));
    expect(info).toContain(`<t:${week3At}:F>`);
    const preview = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: cohortName }));
    expect(preview.split("\n")[0]).toBe(
      `**Preview of week 3 of 12** for **${cohortName}**: what the bot will post in <#${bot.channel.id}>. Only you see this.`,
    );
    expect(preview).toContain(`• Week 3 assignment (2 messages): <t:${week3At}:F> (<t:${week3At}:R>)`);
  });
});
