import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * The late joiner's welcome buttons once the course is over: *Start from this week* answers that the course is
 * over, as `/pace` and *Catch up* do, instead of "You start from this week… `/pace` shows it" (PRODUCT.md: after
 * the end, buttons on old posts answer that the course has finished).
 */
describe("a late joiner's welcome buttons after the course", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-03-23T10:00:00Z") });
  });
  afterAll(async () => bot.close());

  it("answers Start from this week that the course is over, as Catch up does", async () => {
    const cohort = await bot.createCohort({ name: "Late Finish", start: "2027-01-04" });
    const member = bot.member("late-lara");
    // Tuesday of week 12: a late join, with the two buttons.
    const welcome = await bot.reply(member.id, "join", { cohort: String(cohort.id) });
    const [start, catchUp] = buttonsOf(welcome);
    expect(start?.label).toBe("Start from this week");
    expect(catchUp?.label).toBe("Catch up");
    // The 12-week course ended on Sunday 2027-03-28; its closing post goes out.
    bot.clock.set(new Date("2027-03-29T10:00:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const over = "is over, so there is nothing left to plan";
    expect(visibleText(await bot.reply(member.id, "pace", { cohort: String(cohort.id) }))).toContain(over);
    const caughtUp = visibleText(await bot.click(member.id, welcome.id, catchUp?.customId ?? "").final());
    expect(caughtUp).toContain(over);
    const started = visibleText(await bot.click(member.id, welcome.id, start?.customId ?? "").final());
    expect(started).toContain(over);
    expect(started).not.toContain("You start from this week");
  });

  it("answers Start from this week that the cohort has ended, as Catch up does, after /cohort end", async () => {
    bot.clock.set(new Date("2027-03-23T10:00:00Z"));
    const cohort = await bot.createCohort({ name: "Ended Early", start: "2027-01-04" });
    const member = bot.member("late-lino");
    const welcome = await bot.reply(member.id, "join", { cohort: String(cohort.id) });
    const [start, catchUp] = buttonsOf(welcome);
    expect(start?.label).toBe("Start from this week");
    await bot.reply(bot.admin.id, "cohort end", { cohort: "Ended Early" });
    const caughtUp = visibleText(await bot.click(member.id, welcome.id, catchUp?.customId ?? "").final());
    const started = visibleText(await bot.click(member.id, welcome.id, start?.customId ?? "").final());
    expect(caughtUp).toContain("Ended Early");
    expect(started).toBe(caughtUp);
  });
});
