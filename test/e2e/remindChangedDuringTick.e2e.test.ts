import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A `/remind` change that commits while a scheduler tick is reading who is due: the tick acts on one
 * moment's rows, the member's setting with its own reminder days, never an old time without the days
 * it started after.
 */
describe("/remind changed while a tick reads the reminders", () => {
  let bot: BotHarness;
  let ada: { id: string };
  /** What runs at the seam once the tick's read has returned; taken (so run once) when it runs. */
  let atTheRead: (() => Promise<void>) | null = null;
  /** What runs at the seam just before the tick's read, once the tick has read its cohorts; taken when it runs. */
  let beforeTheRead: (() => Promise<void>) | null = null;
  let bea: { id: string };

  beforeAll(async () => {
    // Tuesday 12 January 2027, 10:00 UTC; the cohort (UTC) started on Monday.
    bot = await startBotHarness({
      now: new Date("2027-01-12T10:00:00Z"),
      reminderRepository: {
        beforeDueRead: async () => {
          const change = beforeTheRead;
          beforeTheRead = null;
          await change?.();
        },
        afterDueRead: async () => {
          const change = atTheRead;
          atTheRead = null;
          await change?.();
        },
      },
    });
    await bot.createCohort({ name: "Steady", start: "2027-01-11" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Steady" });
    // 09:00 has passed: today's reminder is recorded as skipped, the first comes tomorrow.
    expect(visibleText(await bot.reply(ada.id, "remind", { time: "09:00" }))).toContain("Saved");
    // Bea's reminder follows her cohort's zone (UTC, for now).
    await bot.createCohort({ name: "Drifting", start: "2027-01-11" });
    bea = bot.member("bea");
    await bot.reply(bea.id, "join", { cohort: "Drifting" });
    expect(visibleText(await bot.reply(bea.id, "remind", { time: "09:00" }))).toContain("(UTC)");
  });
  afterAll(async () => bot.close());

  it("sends no reminder at the old time when the member moves it to later today meanwhile, and sends the new one", async () => {
    bot.clock.set(new Date("2027-01-12T10:05:00Z"));
    let moved = "";
    atTheRead = async () => {
      moved = visibleText(await bot.reply(ada.id, "remind", { time: "11:00" }));
    };

    await bot.test.app.scheduler.tick(bot.clock.now());

    expect(moved).toContain("Saved");
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(0);
    bot.clock.set(new Date("2027-01-12T11:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
  });

  it("sends no reminder at the old zone's time when the cohort moves its zone after the tick read it, and sends it at the new one's", async () => {
    // Wednesday 13 January, 09:30 UTC: Bea's 09:00 has come in UTC, not in New York (04:30 there).
    bot.clock.set(new Date("2027-01-13T09:30:00Z"));
    let moved = "";
    beforeTheRead = async () => {
      moved = visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: "Drifting", timezone: "America/New_York" }));
    };

    await bot.test.app.scheduler.tick(bot.clock.now());

    expect(moved).toContain("America/New_York");
    expect(bot.emulator.dmMessages(bea.id)).toHaveLength(0);
    // 09:00 in New York is 14:00 UTC.
    bot.clock.set(new Date("2027-01-13T14:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(bea.id)).toHaveLength(1);
  });
});
