import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** An ended cohort's schedule stands: its boards are closed and its streaks frozen at the end. */
describe("/cohort edit of an ended cohort", () => {
  let bot: BotHarness;
  let cohortId: number;
  const stored = async () => bot.test.app.database.prisma.cohort.findUniqueOrThrow({ where: { id: cohortId } });

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-13T10:00:00Z") });
    cohortId = (await bot.createCohort({ name: "Closed", start: "2027-01-11" })).id;
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: "Closed" }))).toContain("Closed");
  });
  afterAll(async () => bot.close());

  it("refuses a start or time zone change and changes nothing", async () => {
    for (const option of [{ start: "2027-01-18" }, { timezone: "Asia/Tokyo" }, { announce_time: "10:30" }]) {
      const reply = await bot.reply(bot.admin.id, "cohort edit", { cohort: "Closed", ...option });
      expect(reply.ephemeral).toBe(true);
      expect(visibleText(reply)).toContain("has ended");
    }
    const cohort = await stored();
    expect([cohort.startDate, cohort.timeZone, cohort.announceTime]).toEqual(["2027-01-11", "UTC", "09:00"]);
  });

  it("still takes a new name", async () => {
    expect(visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: "Closed", name: "Closed 2027" }))).not.toContain("has ended");
    expect((await stored()).name).toBe("Closed 2027");
  });
});
