import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, type BotHarness } from "../helpers/botHarness.js";

/**
 * A Wednesday start with Monday posts: week 2's post goes out on Monday 8 March, while week 1 still runs to Tuesday
 * 9 March, and its chart of week 1 is drawn then (README, Scheduled posts). Monday and Tuesday are not over: the
 * chart must not tell the cohort it read 0 minutes on days still to come.
 */
describe("a weekly chart drawn before its week is over", () => {
  let bot: BotHarness;
  let englishAlt: string | null | undefined;
  let spanishAlt: string | null | undefined;

  async function chartAltOf(name: string, language: string): Promise<string | null | undefined> {
    const cohort = await bot.createCohort({ name, start: "2027-03-03", language });
    const ada = bot.member(`ada-${language}`);
    bot.clock.set(new Date("2027-03-01T15:00:00Z"));
    await bot.join(ada, cohort);
    // Wednesday 3 March: 20 minutes read.
    bot.clock.set(new Date("2027-03-03T15:00:00Z"));
    await bot.reply(ada.id, "done", { cohort: name, item: "Database Selection Guide" });
    await tickAt(bot, "2027-03-08T09:00:30Z");
    // The cohorts share the harness channel: this one's chart is the latest of week 1.
    return bot.emulator
      .channelMessages(bot.channel.id)
      .flatMap((message) => message.attachments)
      .filter((file) => file.filename === "week-1.png")
      .at(-1)?.description;
  }

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-03-01T08:00:00Z") });
    englishAlt = await chartAltOf("Early Chart", "en");
    spanishAlt = await chartAltOf("Gráfico Temprano", "es");
  }, 120_000);
  afterAll(async () => bot.close());

  it("charts the days that are over and says the others are not over yet", () => {
    expect(englishAlt).toContain("so far (Wed 20 min, Thu 0 min, Fri 0 min, Mon not over yet, Tue not over yet)");
    expect(englishAlt).not.toContain("Mon 0 min");
    expect(englishAlt).not.toContain("Tue 0 min");
  });

  it("says so in Spanish too", () => {
    expect(spanishAlt).toContain("hasta ahora (");
    expect(spanishAlt).toMatch(/lun\S* aún sin terminar, mar\S* aún sin terminar\)/);
  });
});
