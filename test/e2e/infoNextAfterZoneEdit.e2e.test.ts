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
