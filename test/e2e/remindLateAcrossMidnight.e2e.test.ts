import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A reminder missed while the bot was down goes out when it is back within 2 hours: also when the
 * date changed meanwhile (a 23:30 reminder, the bot back at 00:10).
 */
describe("a late-evening reminder after a restart past midnight", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const tick = async (iso: string) => {
    bot.clock.set(new Date(iso));
    return bot.test.app.scheduler.tick(bot.clock.now());
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-11T10:00:00Z") });
    await bot.createCohort({ name: "Evening", start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Evening" });
    await bot.reply(ada.id, "remind", { time: "23:30" });
  });
  afterAll(async () => bot.close());

  it("sends Monday's 23:30 reminder at 00:10, with Monday's reading", async () => {
    await tick("2027-01-11T23:00:00Z");
    // The bot is down from 23:05 to 00:10.
    await tick("2027-01-12T00:10:00Z");
    const dms = bot.emulator.dmMessages(ada.id);
    expect(dms).toHaveLength(1);
    expect(visibleText(dms[0] ?? ({ content: "", embeds: [] } as never))).toContain("Mon, 11 Jan 2027");
    // Nothing more for Monday; Tuesday's comes at its time.
    await tick("2027-01-12T00:30:00Z");
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
    await tick("2027-01-12T23:30:10Z");
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(2);
  });
});
