import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

/**
 * QA probe: the closing post's course chart counts a "choose one" slot as done when a member logs
 * any of its tracks, as the weekly chart (and /progress) do. Two members each log one track of week 5's
 * choice (Go Path and Python Path): week 5's bar must show the same share for both tracks.
 */
describe("QA: the course chart's week with a 'choose one' choice", () => {
  let bot: BotHarness;
  let weekly: string | null | undefined;
  let course: string | null | undefined;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.createCohort({ name: "Chart 2027", curriculum: "backend-engineer-complete-mastery-path", start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Chart 2027" });
    bot.clock.set(new Date("2027-02-01T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-02-01T12:00:00Z"));
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "Go Path" });
    await bot.reply(ada.id, "done", { item: String(choices.find((entry) => entry.name.startsWith("Go Path"))?.value) });
    bot.clock.set(new Date("2027-02-08T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-02-09T10:00:00Z"));
    await bot.run(bot.admin.id, "cohort end", { cohort: "Chart 2027" }).final();
    bot.clock.set(new Date("2027-02-09T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const files = bot.emulator.channelMessages(bot.channel.id).flatMap((message) => message.attachments);
    weekly = files.find((file) => file.filename === "week-5.png")?.description;
    course = files.find((file) => file.filename === "course.png")?.description;
  });
  afterAll(async () => bot.close());

  it("counts week 5's choice done by the Go Path track, as the weekly chart does", () => {
    // The weekly chart counts the choice as done (Phase 2 50%: the choice and the "For all" item).
    expect(weekly).toContain("Phase 2: Programming Language Mastery 50%");
    // Week 5 assigns the same two things: the course chart must not show it as 0%.
    expect(course).toBeDefined();
    expect(course).not.toMatch(/week 5: 0%/);
  });

  it("an early-ended cohort's course chart charts the weeks it ran, not 30 weeks that never came as 0%", () => {
    // Ended on Tuesday of week 6 of 36: weeks 7-36 were never assigned to anyone.
    expect(course).not.toMatch(/week 36: 0%/);
  });
});
