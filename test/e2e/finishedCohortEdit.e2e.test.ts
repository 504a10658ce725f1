import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * After the closing post the course is over: a schedule setting would move nothing that is still to
 * be posted, yet would rewrite the dates and totals the finished course is summed up with.
 */
describe("/cohort edit of a finished cohort", () => {
  let bot: BotHarness;
  let cohortId: number;
  const cohortName = "Graduates";
  const stored = async () => bot.test.app.database.prisma.cohort.findUniqueOrThrow({ where: { id: cohortId } });

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    cohortId = (await bot.createCohort({ name: cohortName, start: "2027-01-04" })).id;
    // The closing post: Monday 29 March at 09:00, the day after week 12 ends.
    bot.clock.set(new Date("2027-03-29T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-03-30T10:00:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect((await stored()).status).toBe("finished");
  });
  afterAll(async () => bot.close());

  it.each([
    { start: "2027-04-05" },
    { timezone: "Asia/Tokyo" },
    { announce_day: 2 },
    { announce_time: "10:30" },
    { include_optional: true },
  ])("refuses %o, saying the course has finished, and changes nothing", async (option) => {
    const reply = await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, ...option });
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain("has finished");
    expect(visibleText(reply)).not.toContain("Saved");
    const cohort = await stored();
    expect([cohort.startDate, cohort.timeZone, cohort.announceDay, cohort.announceTime, cohort.includeOptional]).toEqual([
      "2027-01-04",
      "UTC",
      1,
      "09:00",
      false,
    ]);
  });

  it("still takes a new name", async () => {
    expect(visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, name: "Graduates 2027" }))).not.toContain(
      "has finished",
    );
    expect((await stored()).name).toBe("Graduates 2027");
  });
});
