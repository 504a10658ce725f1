import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithAdaAndLucia } from "../helpers/adaAndLucia.js";
import { visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A cohort an admin ends with `/cohort end` before its first day never runs a week: its closing post says it
 * was "ended before its first week" and `/cohort list` "Ended before its start". A member's `/today` and
 * `/week` must not say it has not started yet, that it starts on its start date, or list reading as due
 * and overdue once that date has passed: the cohort ended, and its course is over.
 */
describe("/today and /week of a cohort ended before its start, through discord.js and the emulator", () => {
  let bot: BotHarness;
  const name = "Never Ran";
  let ada: { id: string };
  let lucia: { id: string };

  beforeAll(async () => {
    // Tuesday 5 January; the course would start on Monday 18 January.
    ({ bot, ada, lucia } = await startWithAdaAndLucia({ now: new Date("2027-01-05T10:00:00Z"), name, start: "2027-01-18" }));
    await bot.reply(ada.id, "done", { cohort: name, item: "Replication" });
    await bot.reply(bot.admin.id, "cohort end", { cohort: name });
    await bot.test.app.scheduler.tick(bot.clock.now());
  });
  afterAll(async () => bot.close());

  it("shows the member's course summary in /today at once, titled as ended, not as not started yet", async () => {
    const english = visibleText(await bot.reply(ada.id, "today", { cohort: name }));
    expect(english).not.toContain("Not started yet");
    expect(english).toContain("🏁 Never Ran · Cohort ended");
    expect(english).toContain("It was ended on **Tue, 5 Jan 2027**");
    expect(english).toContain("36 pts");
    const spanish = visibleText(await bot.reply(lucia.id, "today", { cohort: name }));
    expect(spanish).not.toContain("Aún no ha empezado");
    expect(spanish).toContain("Never Ran");
    expect(spanish).toContain("terminada");
  });

  it("lists nothing as due or overdue in /today once the start date it never reached has passed", async () => {
    bot.clock.set(new Date("2027-01-20T10:00:00Z"));
    try {
      const english = visibleText(await bot.reply(ada.id, "today", { cohort: name }));
      expect(english).toContain("🏁 Never Ran · Cohort ended");
      expect(english).not.toContain("Overdue");
      expect(english).not.toContain("Due by");
      expect(english).not.toContain("Week 1 · Day 3");
    } finally {
      bot.clock.set(new Date("2027-01-05T10:00:00Z"));
    }
  });

  it("does not tell the member in /week that the course starts on its start date", async () => {
    const english = visibleText(await bot.reply(ada.id, "week", { cohort: name }));
    expect(english).not.toContain("The course starts on");
    expect(english).toContain("ended before its start");
    const spanish = visibleText(await bot.reply(lucia.id, "week", { cohort: name }));
    expect(spanish).not.toContain("El curso empieza");
    expect(spanish).toContain("terminada antes de empezar");
  });

  it("says in /week that the week never ran also once the start date has passed", async () => {
    bot.clock.set(new Date("2027-01-20T10:00:00Z"));
    try {
      const english = visibleText(await bot.reply(ada.id, "week", { cohort: name }));
      expect(english).toContain("ended before its start");
      expect(english).not.toContain("(this week)");
    } finally {
      bot.clock.set(new Date("2027-01-05T10:00:00Z"));
    }
  });
});
