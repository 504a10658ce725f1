import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { StatementCounter } from "../helpers/statementCounter.js";

/** The reads of a member's plan state (whether their own course is over comes from their own plan). */
const planStateReads = (statements: readonly string[]) => statements.filter((sql) => /SELECT 0 AS "source"/.test(sql)).length;

/**
 * The scheduler remembers a bounded number of finished cohorts' members whose own course is over: with a
 * bound of one (three such members), a member it forgot is asked again and is still not reminded, nor is a
 * day recorded; with a bound of three, each is asked once. 12-week course from Monday 2027-01-04: closing
 * post Monday 2027-03-29; each member extended by one week, so their own last day is Sunday 2027-04-04.
 */
describe.each([
  { kept: 1, rereads: true },
  { kept: 3, rereads: false },
])("finished cohort members whose course is over, the scheduler keeping $kept", ({ kept, rereads }) => {
  let bot: BotHarness;
  const names = ["ada", "cy", "dee"];
  let members: { id: string }[] = [];
  const cohortName = `Bounded ${kept}`;
  const at = async (iso: string) => {
    bot.clock.set(new Date(iso));
    await bot.test.app.scheduler.tick(bot.clock.now());
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z"), schedulerCourseOverMembersKept: kept });
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

  it(rereads ? "forgets them past the bound and reads their plans again" : "reads their plans once", async () => {
    // Monday after their last day, at their time: the first tick finds each one's course over.
    await at("2027-04-05T18:00:30Z");
    const counter = StatementCounter.install();
    try {
      const reads = planStateReads(await counter.during(() => at("2027-04-05T18:01:30Z")));
      if (rereads) expect(reads).toBeGreaterThanOrEqual(2);
      else expect(reads).toBe(0);
    } finally {
      counter.uninstall();
    }
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
