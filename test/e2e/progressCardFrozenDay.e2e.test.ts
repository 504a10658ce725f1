import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, type BotHarness } from "../helpers/botHarness.js";

/**
 * A study day missed while a streak freeze was held keeps the streak: on `/progress`'s card it shows as frozen,
 * not as missed, and the alt text counts it apart.
 */
describe("the progress card's study-day grid with a streak freeze spent", () => {
  let bot: BotHarness;
  let ada: { id: string };

  const readOn = async (instant: string) => {
    bot.clock.set(new Date(instant));
    const today = await bot.reply(ada.id, "today");
    const done = buttonsOf(today)[0];
    if (done === undefined) throw new Error("/today offered no done button");
    await bot.click(ada.id, today.id, done.customId).final();
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    // Week 1 starts on Monday 11 January (UTC), weekdays are study days.
    await bot.createCohort({ name: "Winter", start: "2027-01-11" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Winter" });
    // Five study days in a row earn a freeze; Monday 18 is missed and spends it; Tuesday 19 she reads again.
    for (const day of ["11", "12", "13", "14", "15", "19"]) await readOn(`2027-01-${day}T12:00:00Z`);
    bot.clock.set(new Date("2027-01-20T12:00:00Z"));
  });
  afterAll(async () => bot.close());

  it("marks the day the freeze covered as frozen, in the grid and in the card's alt text", async () => {
    const progress = await bot.test.app.services.study.progress({
      guildId: bot.guild.id,
      userId: ada.id,
      cohort: null,
      now: bot.clock.now(),
      targetUserId: null,
    });
    expect(progress.streak.current).toBe(6);
    expect(progress.studyWeeks.map((week) => week.days.join(" "))).toEqual([
      "done done done done done notStudyDay notStudyDay",
      "frozen done future future future future future",
    ]);
    const card = (await bot.reply(ada.id, "progress")).attachments[0];
    expect(card?.description).toContain("study-day grid: 6 days done, 0 missed, 1 covered by a freeze, 0 days off");
  });
});
