import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * The scheduler remembers a bounded number of finished cohorts' members whose own course is over (here
 * one): past the bound, a member it forgot is asked again and is still not reminded, nor is a day recorded.
 * 12-week course from Monday 2027-01-04: closing post Monday 2027-03-29; each member extended by one week,
 * so their own last day is Sunday 2027-04-04.
 */
describe("finished cohort members whose course is over, past the scheduler's bound", () => {
  let bot: BotHarness;
  const names = ["ada", "cy", "dee"];
  let members: { id: string }[] = [];
  const cohortName = "Bounded";
  const at = async (iso: string) => {
    bot.clock.set(new Date(iso));
    await bot.test.app.scheduler.tick(bot.clock.now());
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z"), schedulerCourseOverMembersKept: 1 });
    await bot.createCohort({ name: cohortName, start: "2027-01-04", timeZone: "UTC" });
    members = names.map((name) => bot.member(name));
    for (const member of members) await bot.reply(member.id, "join", { cohort: cohortName });
    bot.clock.set(new Date("2027-03-01T10:00:00Z"));
    for (const member of members) {
      expect(visibleText(await bot.reply(member.id, "pace", { mode: "extend" }))).toContain(cohortName);
      await bot.reply(member.id, "remind", { time: "18:00" });
    }
    await at("2027-03-29T09:00:30Z");
    const cohort = await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    expect(cohort.status).toBe("finished");
  }, 120_000);
  afterAll(async () => bot.close());

  it("reminds them during their extra week", async () => {
    // Tuesday 30 March, in their extra week: each has reading at 18:00.
    await at("2027-03-30T18:00:30Z");
    for (const member of members) expect(bot.emulator.dmMessages(member.id)).toHaveLength(1);
  });

  it("sends none of them a reminder, nor records a day, on the days after their own end, tick after tick", async () => {
    // Monday to Wednesday after their last day: study days of the cohort's calendar, at their time.
    for (const day of ["2027-04-05", "2027-04-06", "2027-04-07"]) {
      await at(`${day}T18:00:30Z`);
      await at(`${day}T18:01:30Z`);
    }
    for (const member of members) expect(bot.emulator.dmMessages(member.id)).toHaveLength(1);
    const rows = await bot.test.app.database.prisma.reminderDelivery.findMany({ where: { localDate: { gte: "2027-04-05" } } });
    expect(rows).toEqual([]);
  });
});
