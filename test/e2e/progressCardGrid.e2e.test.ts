import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * The study-day grid of `/progress`'s card (the last four weeks) against what the streak counts: days logged
 * with `/done when:yesterday` or after midnight count for the day they belong to, and a break week is days off.
 */
describe("the progress card's study-day grid, end to end", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Winter";

  const clickFirstDone = async () => {
    const today = await bot.reply(ada.id, "today");
    const done = buttonsOf(today)[0];
    if (done === undefined) throw new Error("/today offered no done button");
    await bot.click(ada.id, today.id, done.customId).final();
  };

  /** Ada's own /progress as of the test clock, as the service hands it to the card. */
  const adaProgress = () =>
    bot.test.app.services.study.progress({ guildId: bot.guild.id, userId: ada.id, cohort: null, now: bot.clock.now(), targetUserId: null });

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    // Week 1 starts on Monday 11 January (UTC); week 2 (18–24 January) is a break.
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
    expect(visibleText(await bot.reply(bot.admin.id, "cohort break", { cohort: cohortName, week: 2 }))).toContain("is now a break");
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    // Tuesday: read on the day.
    bot.clock.set(new Date("2027-01-12T12:00:00Z"));
    await clickFirstDone();
    // Thursday: Wednesday's reading logged with when:yesterday.
    bot.clock.set(new Date("2027-01-14T12:00:00Z"));
    const [item] = await bot.autocomplete(ada.id, "done", "item");
    if (item === undefined) throw new Error("no item to complete");
    expect(visibleText(await bot.reply(ada.id, "done", { item: String(item.value), when: "yesterday" }))).not.toContain("already");
    // 01:30 on Friday still belongs to Thursday (the day rolls over at 04:00).
    bot.clock.set(new Date("2027-01-15T01:30:00Z"));
    await clickFirstDone();
    bot.clock.set(new Date("2027-01-26T12:00:00Z"));
  });
  afterAll(async () => bot.close());

  it("marks the days the streak counts as done, and the break week as days off, not misses", async () => {
    const progress = await adaProgress();
    const letter = { done: "d", missed: "m", frozen: "z", dayOff: "o", notStudyDay: "-", future: "f" } as const;
    const grid = progress.studyWeeks.map((week) => `W${week.weekNumber} ${week.days.map((day) => letter[day]).join("")}`);
    // Tuesday, Wednesday and Thursday in a row: the streak says 3 days.
    expect(progress.streak.best).toBe(3);
    expect(grid).toEqual(["W1 mdddm--", "W2 ooooo--", "W3 mffffff"]);
  });

  it("after the course, shows its last four weeks on the card, not the weeks since as misses", async () => {
    // 13 weeks with the break: the last one ends on Sunday 11 April. Ada reads on week 10's Tuesday; Saturday 1 May is three weeks later.
    bot.clock.set(new Date("2027-03-16T12:00:00Z"));
    await clickFirstDone();
    bot.clock.set(new Date("2027-05-01T12:00:00Z"));
    const card = (await bot.reply(ada.id, "progress")).attachments[0];
    const progress = await adaProgress();
    expect(progress.studyWeeks.map((week) => week.weekNumber)).toEqual([10, 11, 12, 13]);
    expect(progress.studyWeeks[0]?.days.slice(0, 5)).toEqual(["missed", "done", "missed", "missed", "missed"]);
    expect(progress.studyWeeks.flatMap((week) => week.days).filter((day) => day === "missed")).toHaveLength(19);
    expect(card?.description).toContain("study-day grid: 1 day done, 19 missed, 0 days off");
  });
});
