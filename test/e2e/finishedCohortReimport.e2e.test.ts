import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonIdOf, startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { expectCourseSummaryOnly } from "../helpers/expectCourseSummaryOnly.js";
import { readingWeeksPath } from "../helpers/readingWeeksPath.js";

const path = (count: number) => readingWeeksPath("Final Path", count);

/**
 * A finished cohort stays finished (PRODUCT.md Part 2): a re-import that adds weeks to its curriculum gives it
 * no new week, nothing due or overdue, no reminders and no other board. It starts Mon 2026-12-21 (2 weeks, UTC)
 * and its closing post goes out on Mon 2027-01-04 09:00.
 */
describe("a finished cohort after a re-import that adds weeks", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let previewText = "";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2026-12-20T10:00:00Z") });
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "final.md", content: path(2) } });
    await bot.reply(bot.admin.id, "cohort create", {
      name: "Final Cohort",
      curriculum: "final-path",
      channel: bot.channel.id,
      start: "2026-12-21",
    });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Final Cohort" });
    await bot.reply(ada.id, "done", { item: "Reading 1" });
    for (const at of ["2026-12-21T09:30:00Z", "2026-12-28T09:30:00Z", "2027-01-04T09:30:00Z"]) await tickAt(bot, at);
    expect(bot.emulator.channelMessages(bot.channel.id).map(visibleText).join("\n")).toContain("Final leaderboard");
    expect((await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: "Final Cohort" } })).status).toBe("finished");

    bot.clock.set(new Date("2027-01-05T10:00:00Z"));
    const preview = await bot.reply(bot.admin.id, "curriculum import", { file: { name: "final.md", content: path(3) } });
    previewText = visibleText(preview);
    await bot.click(bot.admin.id, preview.id, buttonIdOf(preview, "Confirm update")).final();
  });
  afterAll(async () => bot.close());

  it("the import's diff says that finished cohorts keep the course they finished", () => {
    expect(previewText).toContain("Finished cohorts keep the course they finished");
  });

  it("/today shows the course summary, with nothing due or overdue", async () => {
    await expectCourseSummaryOnly(bot, ada, "Final Cohort");
  });

  it("/week shows no third week", async () => {
    const week = visibleText(await bot.reply(ada.id, "week", { cohort: "Final Cohort" }));
    expect(week).not.toContain("Reading 3");
    expect(week).not.toMatch(/Week 3/);
  });

  it("/remind promises no more reminders, and no reminder or post goes out", async () => {
    expect(visibleText(await bot.reply(ada.id, "remind", { time: "11:00" }))).toContain("no more reminders");
    const postsBefore = bot.emulator.channelMessages(bot.channel.id).length;
    await tickAt(bot, "2027-01-11T11:30:00Z");
    expect(bot.emulator.channelMessages(bot.channel.id)).toHaveLength(postsBefore);
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(0);
  });

  it("/leaderboard still shows the final board", async () => {
    expect(visibleText(await bot.reply(ada.id, "leaderboard"))).toMatch(/final/i);
  });
});
