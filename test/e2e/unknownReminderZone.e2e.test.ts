import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A zone a member chose that this process's time-zone database does not know (dropped by a later one, or
 * added by a newer one another shard runs): here the member follows the cohort's zone (memberTimeZone), so
 * a `/cohort edit timezone:` moves their reminder as it moves everyone's who follows it, and the zone they
 * chose stays stored for a process that knows it.
 */
describe("a stored /remind zone the runtime does not know", () => {
  let bot: BotHarness;
  let cara: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: "Drifting", start: "2027-01-11" });
    cara = bot.member("cara");
    await bot.reply(cara.id, "join", { cohort: "Drifting" });
    await bot.reply(cara.id, "remind", { time: "18:00", timezone: "Europe/London" });
    // A stored name this runtime does not know, as another runtime's time-zone data can leave.
    await bot.test.app.database.prisma.member.updateMany({ where: { userId: cara.id }, data: { remindTimeZone: "Mars/Olympus_Mons" } });
  }, 120_000);
  afterAll(async () => bot.close());

  it("moves with the cohort's zone: no reminder at once for a time already past in the new zone, and the zone is kept", async () => {
    const app = bot.test.app;
    // 10:00 UTC is 19:00 in Tokyo: Cara's 18:00 there was an hour ago.
    const reply = await bot.reply(bot.admin.id, "cohort edit", { cohort: "Drifting", timezone: "Asia/Tokyo" });
    expect(visibleText(reply)).toContain("Asia/Tokyo");
    bot.clock.set(new Date("2027-01-12T10:00:30Z"));
    await app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(cara.id)).toHaveLength(0);
    const member = await app.database.prisma.member.findFirstOrThrow({ where: { userId: cara.id } });
    expect(member.remindTimeZone).toBe("Mars/Olympus_Mons");
    // Wednesday 18:00 in Tokyo.
    bot.clock.set(new Date("2027-01-13T09:00:30Z"));
    await app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(cara.id)).toHaveLength(1);
  });

  it("keeps an unknown stored zone when the reminder is turned back on without timezone:, reminding at the cohort zone's time", async () => {
    const app = bot.test.app;
    const dov = bot.member("dov");
    await bot.reply(dov.id, "join", { cohort: "Drifting" });
    await app.database.prisma.member.updateMany({ where: { userId: dov.id }, data: { remindTime: null, remindTimeZone: "Mars/Olympus" } });
    // Wednesday 18:00:30 in Tokyo (the cohort's zone now): 20:00 there is still to come today.
    expect(visibleText(await bot.reply(dov.id, "remind", { time: "20:00" }))).toContain("Saved");
    const member = await app.database.prisma.member.findFirstOrThrow({ where: { userId: dov.id } });
    expect({ time: member.remindTime, timeZone: member.remindTimeZone }).toEqual({ time: "20:00", timeZone: "Mars/Olympus" });
    bot.clock.set(new Date("2027-01-13T10:59:30Z"));
    await app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(dov.id)).toHaveLength(0);
    // 20:00 in Tokyo.
    bot.clock.set(new Date("2027-01-13T11:00:30Z"));
    await app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(dov.id)).toHaveLength(1);
  });
});
