import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText, type BotHarness } from "../helpers/botHarness.js";
import { courseReadingCohort, readLateBeforeClosing } from "../helpers/courseReadingCohort.js";

/**
 * Between the last week's end and the closing post, a leaderboard announced on demand already ranks the course's
 * reading only, as the final board will: late points do not lift anyone for a few hours. 12-week course from
 * Monday 2027-01-04 (UTC): last day Sunday 2027-03-28, closing post Monday 2027-03-29 09:00.
 */
describe("/cohort announce kind:leaderboard after the last week, before the closing post", () => {
  let bot: BotHarness;
  const cohortName = "Late Board";

  beforeAll(async () => {
    const course = await courseReadingCohort(cohortName, ["cy"]);
    bot = course.bot;
    await readLateBeforeClosing(course);
  }, 120_000);
  afterAll(async () => bot.close());

  it("the posted all-time board has ada above bob and not cy (as the final board will)", async () => {
    bot.clock.set(new Date("2027-03-29T07:00:00Z"));
    const before = bot.emulator.channelMessages(bot.channel.id).length;
    await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "leaderboard" });
    const posted = bot.emulator.channelMessages(bot.channel.id).slice(before).map(visibleText).join("\n");
    const allTime = posted.slice(posted.search(/all[- ]time/i));
    expect(allTime).toMatch(/all[- ]time/i);
    expect(allTime.indexOf("**ada**")).toBeGreaterThan(-1);
    expect(allTime.indexOf("**ada**")).toBeLessThan(allTime.indexOf("**bob**"));
    expect(allTime).not.toContain("**cy**");
  });
});
