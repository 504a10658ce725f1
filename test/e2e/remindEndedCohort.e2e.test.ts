import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** `/cohort end` stops reminders for good: `/remind` says so rather than promise one. */
describe("/remind in a cohort an admin ended", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Shortlived";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName }))).toContain(cohortName);
    // The closing post goes out at the next tick.
    await bot.test.app.scheduler.tick(bot.clock.now());
  }, 60_000);
  afterAll(async () => bot.close());

  it("refuses to set a reminder, saying the cohort has ended, and stores none", async () => {
    const reply = visibleText(await bot.reply(ada.id, "remind", { time: "18:00" }));
    expect(reply).not.toContain("Saved");
    expect(reply).toContain("has ended, so there are no more reminders");
    const member = await bot.test.app.database.prisma.member.findFirst({ where: { userId: ada.id } });
    expect(member?.remindTime).toBeNull();
  });

  it("sends no reminder afterwards", async () => {
    bot.clock.set(new Date("2027-01-13T18:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(0);
  });
});
