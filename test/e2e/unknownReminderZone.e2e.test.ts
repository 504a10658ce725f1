import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";

/**
 * A zone a member chose that a later time-zone database dropped: the member follows the cohort's zone
 * (memberTimeZone), so a `/cohort edit timezone:` moves their reminder as it moves everyone's who follows it.
 */
describe("a stored /remind zone the runtime no longer knows", () => {
  let bot: BotHarness;
  let restarted: TestApp | undefined;
  let cara: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: "Drifting", start: "2027-01-11" });
    cara = bot.member("cara");
    await bot.reply(cara.id, "join", { cohort: "Drifting" });
    await bot.reply(cara.id, "remind", { time: "18:00", timezone: "Europe/London" });
    // What a runtime upgrade that drops a zone leaves: a stored name nothing knows any more.
    await bot.test.app.database.prisma.member.updateMany({ where: { userId: cara.id }, data: { remindTimeZone: "Mars/Olympus_Mons" } });
    await bot.test.app.close();
    restarted = await startTestApp({
      clock: bot.clock,
      schedulerTickCron: null,
      environment: { DISCORD_TOKEN: bot.emulator.token, DISCORD_API_URL: bot.emulator.apiUrl, DATABASE_URL: bot.test.databaseUrl },
    });
    await restarted.app.start();
  }, 120_000);
  afterAll(async () => {
    await restarted?.close();
    await bot.close();
  });

  it("is cleared at start, said in the log with the count", async () => {
    const app = restarted?.app;
    if (app === undefined || restarted === undefined) throw new Error("the bot did not restart");
    const member = await app.database.prisma.member.findFirstOrThrow({ where: { userId: cara.id } });
    expect(member.remindTimeZone).toBeNull();
    expect(restarted.logs().filter((line) => line.cleared === 1)).toHaveLength(1);
  });

  it("moves with the cohort's zone: no reminder at once for a time already past in the new zone", async () => {
    const app = restarted?.app;
    if (app === undefined) throw new Error("the bot did not restart");
    // 10:00 UTC is 19:00 in Tokyo: Cara's 18:00 there was an hour ago.
    const reply = await bot.reply(bot.admin.id, "cohort edit", { cohort: "Drifting", timezone: "Asia/Tokyo" });
    expect(visibleText(reply)).toContain("Asia/Tokyo");
    bot.clock.set(new Date("2027-01-12T10:00:30Z"));
    await app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(cara.id)).toHaveLength(0);
    // Wednesday 18:00 in Tokyo.
    bot.clock.set(new Date("2027-01-13T09:00:30Z"));
    await app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(cara.id)).toHaveLength(1);
  });
});
