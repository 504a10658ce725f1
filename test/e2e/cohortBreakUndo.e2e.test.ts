import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/cohort break … undo:True` of one of several breaks: a later break that only fitted in the longer course
 * is gone with it (the reply said so), and never comes back when another break lengthens the course again.
 */
describe("/cohort break undo with several breaks, end to end", () => {
  let bot: BotHarness;
  const cohortName = "Ghost Breaks";
  const brk = async (week: number, undo = false) =>
    visibleText(await bot.reply(bot.admin.id, "cohort break", { cohort: cohortName, week, ...(undo ? { undo: true } : {}) }));

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    // 12 reading weeks from Monday 11 January 2027.
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
  });
  afterAll(async () => bot.close());

  it("keeps only the break weeks the admin was told about when another break is added", async () => {
    expect(await brk(5)).toContain("is now a break");
    // The course has 13 calendar weeks now: week 13 may be a break too (the last reading week moves to 14).
    expect(await brk(13)).toContain("is now a break");
    // Undoing week 5 gives 12 reading weeks again: week 13 is past the course, and the reply lists no break.
    expect(await brk(5, true)).toContain("No break weeks left.");
    expect(await brk(13, true)).toContain("**Ghost Breaks** has weeks 1 to 12");
    const added = await brk(3);
    expect(added).toContain("The course now has 13 weeks");
    expect(added).toContain("Break week: 3");
    expect(added).not.toContain("3, 13");
    const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName }));
    expect(info).toContain("Break weeks\n3");
    expect(info).toContain("Not started · 13 weeks");
    const stored = await bot.test.app.database.prisma.cohortBreak.findMany({ select: { week: true }, orderBy: { week: "asc" } });
    expect(stored.map((row) => row.week)).toEqual([3]);
  });
});
