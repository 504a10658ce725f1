import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** After the closing post the course is over: `/remind off:True timezone:cohort` still switches a reminder off. */
describe("/remind off:True timezone:cohort in a finished cohort", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Graduates";
  const memberRow = async (userId: string) => bot.test.app.database.prisma.member.findFirst({ where: { userId } });

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    expect(visibleText(await bot.reply(ada.id, "remind", { time: "20:00", timezone: "Asia/Tokyo" }))).toContain("Saved");
    // The closing post: Monday 29 March at 09:00, the day after week 12 ends.
    bot.clock.set(new Date("2027-03-29T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-03-30T10:00:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  });
  afterAll(async () => bot.close());

  it("refuses timezone:cohort alone, saying the course has finished, and keeps the reminder and its zone", async () => {
    expect(visibleText(await bot.reply(ada.id, "remind", { timezone: "cohort" }))).toContain("has finished");
    expect((await memberRow(ada.id))?.remindTime).toBe("20:00");
    expect((await memberRow(ada.id))?.remindTimeZone).toBe("Asia/Tokyo");
  });

  it("beside off:True switches the reminder off, as off:True alone, and keeps the chosen zone", async () => {
    const progressBefore = visibleText(await bot.reply(ada.id, "progress"));
    const reply = visibleText(await bot.reply(ada.id, "remind", { off: true, timezone: "cohort" }));
    expect(reply).toContain("is off now");
    expect(reply).not.toContain("has finished");
    expect((await memberRow(ada.id))?.remindTime).toBeNull();
    expect((await memberRow(ada.id))?.remindTimeZone).toBe("Asia/Tokyo");
    expect(visibleText(await bot.reply(ada.id, "progress"))).toBe(progressBefore);
    expect(visibleText(await bot.reply(ada.id, "remind", { off: true, timezone: "cohort" }))).toContain(
      "was already off, so nothing changed",
    );
  });
});
