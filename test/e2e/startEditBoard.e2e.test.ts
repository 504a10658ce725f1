import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** Weekly boards count completions by the cohort week they were logged in: `/cohort edit start:` moves those weeks. */
describe("the weekly board after /cohort edit start:", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Shifted";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    const today = await bot.reply(ada.id, "today");
    const done = buttonsOf(today)[0];
    if (done === undefined) throw new Error("no button");
    // Ada reads on Tuesday 12 January, in week 1; then the facilitator says the course began a week earlier.
    await bot.click(ada.id, today.id, done.customId).final();
    await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, start: "2027-01-04" });
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
  }, 60_000);
  afterAll(async () => bot.close());

  it("counts a completion logged during this week (of the new calendar) on this week's board", async () => {
    const board = visibleText(await bot.reply(ada.id, "leaderboard"));
    // Wednesday 13 January is in week 2 of the new calendar, and so is Ada's Tuesday.
    expect(board).toContain("Shifted · Week 2");
    expect(board).not.toContain("Nobody has points in week 2");
    expect(board).toMatch(/🥇 \*\*ada\*\* · \d+ pts/);
  });
});
