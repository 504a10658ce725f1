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
  let previewedAfterPost: string | null | undefined;

  /** The alt text of the latest week-1 chart in the harness channel (the cohorts share it). */
  function postedChartAlt(name: string): string | null | undefined {
    return bot.emulator
      .channelMessages(bot.channel.id)
      .filter((message) => message.content.includes(name) || message.embeds.some((embed) => JSON.stringify(embed).includes(name)))
      .flatMap((message) => message.attachments)
      .find((file) => file.filename === "week-1.png")?.description;
  }

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-03-01T15:00:00Z") });
    const cohorts = [
      { name: "Early Chart", language: "en", ada: bot.member("ada-en") },
      { name: "Gráfico Temprano", language: "es", ada: bot.member("ada-es") },
    ];
    for (const { name, language, ada } of cohorts) await bot.join(ada, await bot.createCohort({ name, start: "2027-03-03", language }));
    // Wednesday 3 March: 20 minutes read in each.
    bot.clock.set(new Date("2027-03-03T15:00:00Z"));
    for (const { name, ada } of cohorts) await bot.reply(ada.id, "done", { cohort: name, item: "Database Selection Guide" });
    await tickAt(bot, "2027-03-08T09:00:30Z");
    englishAlt = postedChartAlt("Early Chart");
    spanishAlt = postedChartAlt("Gráfico Temprano");
    // Previewed after the post, on Wednesday: as it went out, though Monday and Tuesday are over now.
    bot.clock.set(new Date("2027-03-10T12:00:00Z"));
    const preview = await bot.reply(bot.admin.id, "cohort preview", { cohort: "Early Chart", week: 2 });
    previewedAfterPost = preview.attachments.find((file) => file.filename === "week-1.png")?.description;
  }, 120_000);
  afterAll(async () => bot.close());

  it("charts the days that are over and says the others are not over yet", () => {
    expect(englishAlt).toContain("so far (Wed 20 min, Thu 0 min, Fri 0 min, Mon not over yet, Tue not over yet)");
    expect(englishAlt).not.toContain("Mon 0 min");
    expect(englishAlt).not.toContain("Tue 0 min");
  });

  it("a preview of that post made after it shows the chart as it went out", () => {
    expect(previewedAfterPost).toBe(englishAlt);
  });

  it("says so in Spanish too", () => {
    expect(spanishAlt).toMatch(/hasta ahora \(mié\S* 20 min, /);
    expect(spanishAlt).toMatch(/lun\S* aún sin terminar, mar\S* aún sin terminar\)/);
  });
});
