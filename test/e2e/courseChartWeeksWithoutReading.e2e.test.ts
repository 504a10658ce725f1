import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

/**
 * The 36-week path spreads Phase 2's two topics over its eight weeks: weeks 6, 7 and 8 assign nothing. The
 * closing post's course chart says so for those weeks, instead of "0%" as if nobody read what was assigned.
 */
describe("the course chart's weeks that assign nothing", () => {
  let bot: BotHarness;
  let chart: string | null | undefined;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.createCohort({ name: "Mastery", curriculum: "backend-engineer-complete-mastery-path", start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Mastery" });
    // Week 5 assigns only the "choose one" language track; Ada, the only member, reads the Go one.
    bot.clock.set(new Date("2027-02-01T12:00:00Z"));
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "Go Path" });
    await bot.reply(ada.id, "done", { item: String(choices.find((entry) => entry.name.startsWith("Go Path"))?.value) });
    // Tuesday of week 8: the admin ends the cohort, and its closing post charts weeks 1-8.
    bot.clock.set(new Date("2027-02-23T10:00:00Z"));
    await bot.run(bot.admin.id, "cohort end", { cohort: "Mastery" }).final();
    const before = bot.emulator.channelMessages(bot.channel.id).length;
    bot.clock.set(new Date("2027-02-23T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    chart = bot.emulator
      .channelMessages(bot.channel.id)
      .slice(before)
      .flatMap((message) => message.attachments)
      .find((file) => file.filename === "course.png")?.description;
  });
  afterAll(async () => bot.close());

  it("charts the week whose reading was all done as done", () => {
    expect(chart).toContain("week 5: 100%");
  });

  it('says "nothing assigned" for the weeks that assigned nothing, as /week does, not 0%', () => {
    expect(chart).toContain("week 6: nothing assigned, week 7: nothing assigned, week 8: nothing assigned");
    expect(chart).not.toMatch(/week [678]: 0%/);
  });
});
