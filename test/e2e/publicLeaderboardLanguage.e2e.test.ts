import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

// PRODUCT.md "Languages": what the whole channel reads follows the cohort's language; private replies the member's own.
describe("/leaderboard's public reply in the cohort's language", () => {
  let bot: BotHarness;
  let cohortId = 0;
  beforeAll(async () => {
    // Tuesday of week 1 (the cohort starts Monday 2027-01-04, UTC).
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    cohortId = (await bot.createCohort({ name: "Estudio Backend" })).id;
    await bot.reply(bot.admin.id, "cohort edit", { cohort: String(cohortId), language: "es" });
  });
  afterAll(async () => bot.close());

  it("words the board the channel sees in the cohort's language, whatever the asker's Discord language", async () => {
    const ada = bot.emulator.createMember(bot.guild.id, { username: "ada", locale: "en-US" });
    await bot.reply(ada.id, "join", { cohort: "Estudio Backend" });
    const board = await bot.reply(ada.id, "leaderboard");
    expect(board.ephemeral).toBe(false);
    const text = visibleText(board);
    expect(text).toContain("🏆 Estudio Backend · Semana 1");
    expect(text).toContain("/clasificacion periodo:Histórico");
    expect(text).not.toContain("Week 1");
  });

  it("keeps a private board in the asker's own language", async () => {
    const bea = bot.emulator.createMember(bot.guild.id, { username: "bea", locale: "en-GB" });
    await bot.reply(bea.id, "join", { cohort: "Estudio Backend" });
    await bot.reply(bea.id, "privacy", { leaderboard: "hidden" });
    const board = await bot.reply(bea.id, "leaderboard");
    expect(board.ephemeral).toBe(true);
    expect(visibleText(board)).toContain("🏆 Estudio Backend · Week 1");
  });
});
