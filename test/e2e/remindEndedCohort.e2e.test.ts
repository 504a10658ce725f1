import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** `/cohort end` stops reminders for good: `/remind` then says so rather than promise one. */
describe("/remind in a cohort an admin ended", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let bea: { id: string };
  let cal: { id: string };
  const cohortName = "Shortlived";
  const remindTimeOf = async (userId: string) =>
    (await bot.test.app.database.prisma.member.findFirst({ where: { userId } }))?.remindTime ?? null;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    bea = bot.member("bea");
    await bot.reply(bea.id, "join", { cohort: cohortName });
    // A zone Bea chose, kept while her reminder is off.
    await bot.reply(bea.id, "remind", { time: "08:00", timezone: "Asia/Tokyo" });
    await bot.reply(bea.id, "remind", { off: true });
    // Cal's day is Tokyo's: his reading at 10:00 and 20:00 UTC on Tuesday is on Tuesday and Wednesday there.
    cal = bot.member("cal");
    await bot.reply(cal.id, "join", { cohort: cohortName });
    await bot.reply(cal.id, "remind", { time: "20:00", timezone: "Asia/Tokyo" });
    const items = await bot.autocomplete(cal.id, "done", "item");
    for (const [index, at] of ["2027-01-12T10:00:00Z", "2027-01-12T20:00:00Z"].entries()) {
      bot.clock.set(new Date(at));
      const item = items[index];
      if (item === undefined) throw new Error("no item to complete");
      expect(visibleText(await bot.reply(cal.id, "done", { item: String(item.value) }))).toContain("Done!");
    }
    bot.clock.set(new Date("2027-01-12T10:00:00Z"));
  });
  afterAll(async () => bot.close());

  it("sends the reminder while the course runs", async () => {
    expect(visibleText(await bot.reply(ada.id, "remind", { time: "18:00" }))).toContain("Saved");
    bot.clock.set(new Date("2027-01-12T18:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
  });

  it("once the cohort ended, refuses a new time, saying why, and keeps the setting as it was", async () => {
    // 02:00 UTC: still Tuesday's member day in UTC (days roll over at 04:00), Wednesday's in Tokyo.
    bot.clock.set(new Date("2027-01-13T02:00:00Z"));
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName }))).toContain(cohortName);
    // The closing post goes out at the next tick.
    await bot.test.app.scheduler.tick(bot.clock.now());
    const reply = visibleText(await bot.reply(ada.id, "remind", { time: "19:00" }));
    expect(reply).not.toContain("Saved");
    expect(reply).toContain("has ended, so there are no more reminders");
    expect(await remindTimeOf(ada.id)).toBe("18:00");
  });

  it("sends no reminder afterwards", async () => {
    for (const at of ["2027-01-13T18:00:30Z", "2027-01-13T19:00:30Z"]) {
      bot.clock.set(new Date(at));
      await bot.test.app.scheduler.tick(bot.clock.now());
    }
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
  });

  it("refuses timezone:cohort alone once ended, keeping the chosen zone; beside off:True it switches a reminder off", async () => {
    const zoneOf = async (userId: string) =>
      (await bot.test.app.database.prisma.member.findFirst({ where: { userId } }))?.remindTimeZone ?? null;
    const alone = visibleText(await bot.reply(bea.id, "remind", { timezone: "cohort" }));
    expect(alone).toContain("has ended, so there are no more reminders");
    expect(alone).not.toContain("follows the cohort's time zone");
    // Bea's reminder is off already: as off:True alone, nothing changes.
    const alreadyOff = visibleText(await bot.reply(bea.id, "remind", { off: true, timezone: "cohort" }));
    expect(alreadyOff).toContain("was already off, so nothing changed");
    expect(await zoneOf(bea.id)).toBe("Asia/Tokyo");

    const switchedOff = visibleText(await bot.reply(ada.id, "remind", { off: true, timezone: "cohort" }));
    expect(switchedOff).toContain("is off now");
    expect(switchedOff).not.toContain("has ended");
    expect(await remindTimeOf(ada.id)).toBeNull();
    expect(visibleText(await bot.reply(ada.id, "remind", { off: true }))).toContain("was already off, so nothing changed");
  });

  it("beside off:True, timezone:cohort switches a reminder off and keeps the chosen zone: the member's day stays where it was", async () => {
    const progressOf = async (userId: string) => {
      const progress = await bot.reply(userId, "progress");
      return { text: visibleText(progress), card: progress.attachments[0]?.description };
    };
    const before = await progressOf(cal.id);
    expect(before.text).toContain("Streak: **2 study days**");
    const reply = visibleText(await bot.reply(cal.id, "remind", { off: true, timezone: "cohort" }));
    expect(reply).toContain("is off now");
    expect(await remindTimeOf(cal.id)).toBeNull();
    expect(await progressOf(cal.id)).toEqual(before);
    expect((await bot.test.app.database.prisma.member.findFirst({ where: { userId: cal.id } }))?.remindTimeZone).toBe("Asia/Tokyo");
  });
});
