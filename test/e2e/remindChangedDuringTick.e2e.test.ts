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

  beforeAll(async () => {
    // Tuesday 12 January 2027, 10:00 UTC; the cohort (UTC) started on Monday.
    bot = await startBotHarness({
      now: new Date("2027-01-12T10:00:00Z"),
      reminderRepository: {
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
  }, 60_000);
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
});
