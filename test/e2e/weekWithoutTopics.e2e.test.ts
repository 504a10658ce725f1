import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * The 36-week mastery path gives no time estimates, and its long phases leave many weeks without a topic (Phase 2:
 * 2 topics over weeks 5–12). `/week` counts topics on that path, also in a week with none: never "0 min".
 */
describe("/week in a week without topics on the path without estimates", () => {
  let bot: BotHarness;
  let english = "";
  let spanish = "";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.createCohort({ name: "Mastery", start: "2027-01-04", curriculum: "backend-engineer-complete-mastery-path" });
    const ada = bot.emulator.createMember(bot.guild.id, { username: "ada", locale: "en-US" });
    const ana = bot.emulator.createMember(bot.guild.id, { username: "ana", locale: "es-ES" });
    await bot.reply(ada.id, "join", { cohort: "Mastery" });
    await bot.reply(ana.id, "join", { cohort: "Mastery" });
    english = visibleText(await bot.reply(ada.id, "week", { cohort: "Mastery", number: 10 }));
    spanish = visibleText(await bot.reply(ana.id, "week", { cohort: "Mastery", number: 10 }));
  }, 120_000);
  afterAll(async () => bot.close());

  it("says it has no topics, with no minutes", () => {
    expect(english).toContain("Mastery · Week 10 of 36");
    expect(english).toContain("Nothing assigned.");
    expect(english).toContain("Total: **0 topics** · 0 done");
    expect(english).not.toContain("0 min");
  });

  it("says so in Spanish too", () => {
    expect(spanish).not.toContain("0 min");
  });
});
