import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** The pictures of the posts around a `/cohort break` week, through the real bot, scheduler and emulator. */
describe("charts around a break week, end to end", () => {
  let bot: BotHarness;
  const cohortName = "Winter";
  const postOf = (needle: string) => {
    const found = bot.emulator.channelMessages(bot.channel.id).find((message) => visibleText(message).includes(needle));
    if (found === undefined) throw new Error(`no post containing ${needle}`);
    return found;
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    // Week 1 starts on Monday 11 January; week 2 (18–24 January) is a break, reading resumes on the 25th.
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
    expect(visibleText(await bot.reply(bot.admin.id, "cohort break", { cohort: cohortName, week: 2 }))).toContain("is now a break");
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    // Ada reads on Tuesday of week 1.
    bot.clock.set(new Date("2027-01-12T12:00:00Z"));
    const today = await bot.reply(ada.id, "today");
    const done = buttonsOf(today)[0];
    if (done === undefined) throw new Error("/today offered no done button");
    await bot.click(ada.id, today.id, done.customId).final();
    for (const at of [
      "2027-01-11T09:00:30Z",
      "2027-01-18T09:00:30Z",
      "2027-01-25T09:00:30Z",
      "2027-02-01T09:00:30Z",
      "2027-04-12T09:00:30Z",
    ]) {
      bot.clock.set(new Date(at));
      await bot.test.app.scheduler.tick(bot.clock.now());
    }
  });
  afterAll(async () => bot.close());

  it("charts the last reading week, not the break, on the first weekly post after a break", () => {
    const week3 = postOf("Week 3 of 13");
    // The post's text names week 1's leaders (the last week with reading); its chart is of the same week.
    expect(visibleText(week3)).toContain("Week 1 top five");
    expect(week3.attachments.map((file) => file.filename)).toEqual(["week-1.png"]);
    expect(week3.attachments[0]?.description).toMatch(/^Chart of week 1: the cohort read [1-9]\d* minutes/);
  });

  it("lists in a chart only the sections that had begun by that week, counting the break", () => {
    // Week 3 is the second week of reading: Database Fundamentals and Database Performance (curriculum weeks 1-2 and 2-3),
    // not Caching Strategies (curriculum week 3, calendar week 4 after the break).
    const week4 = postOf("Week 4 of 13");
    expect(week4.attachments.map((file) => file.filename)).toEqual(["week-3.png"]);
    const alt = week4.attachments[0]?.description ?? "";
    expect(alt).toContain("Database Fundamentals");
    expect(alt).toContain("Database Performance");
    expect(alt).not.toContain("Caching Strategies");
  });

  it("marks the break week as a break in the closing post's chart, not as a week nobody read", () => {
    const closing = bot.emulator
      .channelMessages(bot.channel.id)
      .find((message) => message.attachments.some((file) => file.filename === "course.png"));
    const alt = closing?.attachments[0]?.description ?? "";
    expect(alt).toMatch(/week 1: [1-9]\d*%, week 2: break, week 3: 0%/);
    expect(alt).toContain("week 13: 0%");
  });
});
