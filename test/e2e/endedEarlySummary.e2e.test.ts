import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { namesakeLabelIn } from "../../src/discord/render/numberedNames.js";

/**
 * The course summary of a cohort an admin ended (`/cohort end`) names the cohort's day of the end, in its
 * own zone, when that came before the planned last day; an end on the planned last day itself is the
 * course finishing. 12-week course from Monday 2027-01-04: its planned last day is Sunday 28 March.
 */
describe("the course summary of an ended cohort, on the cohort's day", () => {
  let bot: BotHarness;

  /**
   * A cohort in `timeZone` Ada joins on its first day and an admin ends at `endedAt`: its closing post (the
   * scheduler's next tick), then on 1 April Ada's /today and /leaderboard, and the admin's /cohort info.
   */
  async function endedCohort(name: string, timeZone: string, endedAt: string) {
    bot.clock.set(new Date("2027-01-04T18:00:00Z"));
    await bot.createCohort({ name, start: "2027-01-04", timeZone });
    const ada = bot.member(`ada-${timeZone.toLowerCase().replace(/\W/g, "-")}`);
    await bot.reply(ada.id, "join", { cohort: name });
    bot.clock.set(new Date(endedAt));
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: name }))).toContain(name);
    const before = bot.emulator.channelMessages(bot.channel.id).length;
    await bot.test.app.scheduler.tick(bot.clock.now());
    const closing = bot.emulator
      .channelMessages(bot.channel.id)
      .slice(before)
      .map((message) => visibleText(message))
      .join("\n");
    bot.clock.set(new Date("2027-04-01T20:00:00Z"));
    const leaderboard = await bot.reply(ada.id, "leaderboard", { cohort: name });
    return {
      summary: visibleText(await bot.reply(ada.id, "today", { cohort: name })),
      closing,
      leaderboardTitle: leaderboard.embeds[0]?.title ?? "",
      info: visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: name })),
    };
  }
  const summaryOf = async (name: string, timeZone: string, endedAt: string) => (await endedCohort(name, timeZone, endedAt)).summary;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T18:00:00Z") });
  }, 120_000);
  afterAll(async () => bot.close());

  it("calls an end on the planned last day the course finishing, not an early end", async () => {
    const summary = await summaryOf("Last Day", "UTC", "2027-03-28T14:00:00Z");
    expect(summary).toContain("🎓 Last Day · Course finished");
    expect(summary).toContain("The course ended on **Sun, 28 Mar 2027**");
    expect(summary).not.toContain("before its planned last day");
    expect(summary).not.toContain("has ended");
  });

  it("calls it finished everywhere else too: the closing post, the final board and /cohort info", async () => {
    const { closing, leaderboardTitle, info } = await endedCohort("Ran Out", "UTC", "2027-03-28T15:00:00Z");
    expect(closing).toContain("🎓 Ran Out is complete");
    expect(closing).not.toContain("has ended");
    expect(closing).not.toContain("ended after week");
    expect(leaderboardTitle).toBe("🏆 Ran Out · Final leaderboard");
    expect(info).toContain("🎓 Finished");
    expect(info).not.toContain("🏁 Ended");
  });

  it("calls it finished in /today and /pace on the planned last day itself, right after the end", async () => {
    bot.clock.set(new Date("2027-01-04T18:00:00Z"));
    await bot.createCohort({ name: "Same Day", start: "2027-01-04", timeZone: "UTC" });
    const bea = bot.member("bea-same-day");
    await bot.reply(bea.id, "join", { cohort: "Same Day" });
    bot.clock.set(new Date("2027-03-28T15:00:00Z"));
    await bot.reply(bot.admin.id, "cohort end", { cohort: "Same Day" });
    bot.clock.set(new Date("2027-03-28T16:00:00Z"));
    const today = visibleText(await bot.reply(bea.id, "today", { cohort: "Same Day" }));
    const pace = visibleText(await bot.reply(bea.id, "pace", { cohort: "Same Day" }));
    for (const text of [today, pace]) {
      expect(text).not.toContain("has ended");
      expect(text).toContain("🎓 This cohort has finished");
    }
    const remind = visibleText(await bot.reply(bea.id, "remind", { cohort: "Same Day", time: "18:00" }));
    expect(remind).not.toContain("has ended");
    expect(remind).toContain("**Same Day** has finished, so there are no more reminders");
    // A Nudge button from a roster shown before the end: refused as finished, not ended.
    const member = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: bea.id } });
    const nudge = bot.test.app.services.nudges.nudge({
      guildId: bot.guild.id,
      cohortId: String(member.cohortId),
      memberId: member.id,
      actorId: bot.admin.id,
      namesakeLabel: namesakeLabelIn(translatorFor("en")),
      now: bot.clock.now(),
    });
    await expect(nudge).rejects.toMatchObject({ code: "nudge.cohortFinished" });
  });

  it("calls an end before the last day ended everywhere: the closing post, the final board and /cohort info", async () => {
    const { summary, closing, leaderboardTitle, info } = await endedCohort("Cut", "UTC", "2027-03-27T15:00:00Z");
    expect(summary).toContain("🏁 Cut · Cohort ended");
    expect(closing).toContain("🏁 Cut has ended");
    expect(closing).toContain("ended after week 12 of 12");
    expect(leaderboardTitle).toBe("🏁 Cut · Final leaderboard");
    expect(info).toContain("🏁 Ended");
  });

  it("names the day in the cohort's zone when the end's UTC date is another", async () => {
    // 05:00 UTC on Wednesday 20 January is 21:00 on Tuesday 19 January in Los Angeles.
    const summary = await summaryOf("Pacific", "America/Los_Angeles", "2027-01-20T05:00:00Z");
    expect(summary).toContain("🏁 Pacific · Cohort ended");
    expect(summary).toContain("It was ended on **Tue, 19 Jan 2027**, before its planned last day.");
  });

  it("counts only the checkpoints posted before the end, not every section's", async () => {
    const sections = await bot.test.app.database.prisma.section.findMany({
      where: { curriculum: { slug: "backend-engineer-learning-path" }, checkpoint: { not: null } },
    });
    // A section's prompt goes out on the Friday of its last week at 17:00 (the cohort's zone, UTC here).
    const endedAt = new Date("2027-02-03T12:00:00Z");
    const posted = sections.filter(
      (section) => new Date(Date.UTC(2027, 0, 4 + 7 * (section.weekEnd - 1) + 4, 17)).getTime() <= endedAt.getTime(),
    ).length;
    expect(posted).toBeGreaterThan(0);
    expect(posted).toBeLessThan(sections.length);
    const summary = await summaryOf("Early Checkpoints", "UTC", endedAt.toISOString());
    expect(summary).toContain(`0 of ${posted} answered`);
  });
});
