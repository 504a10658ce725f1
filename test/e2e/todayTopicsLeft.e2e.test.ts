import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/today` on the 36-week path, whose topics have no time estimate: once the day's topics are done, what is
 * left is counted in topics like the day's total, never "0 min".
 */
describe("/today's amount left on a path without estimates", () => {
  let bot: BotHarness;
  const cohortName = "Mastery";
  // Monday 4 January 2027, the first study day: one topic is due.
  const firstDay = new Date("2027-01-04T10:00:00Z");

  beforeAll(async () => {
    bot = await startBotHarness({ now: firstDay });
    await bot.createCohort({ name: cohortName, curriculum: "backend-engineer-complete-mastery-path", start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  const doneTodaysTopic = async (userId: string) => {
    await bot.reply(userId, "join", { cohort: cohortName });
    const [topic] = await bot.autocomplete(userId, "done", "item", { item: "" });
    await bot.reply(userId, "done", { item: String(topic?.value) });
    return visibleText(await bot.reply(userId, "today"));
  };

  it("says no topic is left of the day's one topic, in English", async () => {
    const today = await doneTodaysTopic(bot.member("ada").id);
    expect(today).toContain(" · 0 topics left of 1 topic");
    expect(today).not.toContain("min");
  });

  it("says it in Spanish too", async () => {
    const lectora = bot.emulator.createMember(bot.guild.id, { username: "lectora", locale: "es-ES" });
    const today = await doneTodaysTopic(lectora.id);
    expect(today).toContain(" · por hacer: 0 temas de 1 tema");
    expect(today).not.toContain("min");
  });
});
