import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** Two `/cohort break` weeks in a row: reading resumes after both. */
describe("consecutive break weeks, end to end", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Holidays";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    // Week 1 starts on Monday 11 January; weeks 3 (25–31 January) and 4 (1–7 February) are breaks.
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
    for (const week of [3, 4]) {
      expect(visibleText(await bot.reply(bot.admin.id, "cohort break", { cohort: cohortName, week }))).toContain("is now a break");
    }
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
  });
  afterAll(async () => bot.close());

  it("/week of the first break says reading resumes after the second one", async () => {
    const week3 = visibleText(await bot.reply(ada.id, "week", { number: 3 }));
    expect(week3).toContain("Break week: nothing is assigned. Reading resumes on **Mon, 8 Feb 2027**.");
    const week4 = visibleText(await bot.reply(ada.id, "week", { number: 4 }));
    expect(week4).toContain("Break week: nothing is assigned. Reading resumes on **Mon, 8 Feb 2027**.");
  });

  it("the first break week's post says when reading resumes, not that a break week starts", async () => {
    bot.clock.set(new Date("2027-01-25T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const post = bot.emulator
      .channelMessages(bot.channel.id)
      .map((message) => visibleText(message))
      .find((text) => text.includes("Break week:"));
    expect(post).toBeDefined();
    expect(post).toContain("week 5 starts on **Mon, 8 Feb 2027**");
  });
});
