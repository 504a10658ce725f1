import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A `/cohort edit timezone:` that commits after `/remind` read the cohort and before it stores the
 * reminder: the days the reminder starts after are those of the cohort's new zone, so today's reminder,
 * still to come there, is sent.
 */
describe("/remind while the cohort's time zone moves", () => {
  let bot: BotHarness;
  let ada: { id: string };
  /** What runs at the seam once /remind has read the cohort, before it stores the setting; taken when it runs. */
  let beforeTheWrite: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    // Tuesday 12 January 2027, 10:00 UTC; the cohort (UTC, for now) started on Monday.
    bot = await startBotHarness({
      now: new Date("2027-01-12T10:00:00Z"),
      reminderRepository: {
        beforeSettingWrite: async () => {
          const change = beforeTheWrite;
          beforeTheWrite = null;
          await change?.();
        },
      },
    });
    await bot.createCohort({ name: "Drifting", start: "2027-01-11" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Drifting" });
  });
  afterAll(async () => bot.close());

  it("starts the reminder after the days of the cohort's new zone, and sends today's there", async () => {
    let edited = "";
    beforeTheWrite = async () => {
      edited = visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: "Drifting", timezone: "America/Los_Angeles" }));
    };

    // 08:00 has passed in UTC, not in Los Angeles (02:00 there): today's reminder is still to come.
    const reply = visibleText(await bot.reply(ada.id, "remind", { time: "08:00" }));

    expect(edited).toContain("America/Los_Angeles");
    bot.clock.set(new Date("2027-01-12T16:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
    // The reply names the zone the reminder was stored with, and today's 08:00 there (16:00 UTC) as the next one.
    expect(reply).toContain("(America/Los_Angeles)");
    expect(reply).toContain(`Next one: <t:${Date.parse("2027-01-12T16:00:00Z") / 1000}:f>`);
  });
});
