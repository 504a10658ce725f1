import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * One thing, one word, in Spanish: what `/semana` labels "Consulta" is "material de consulta" when logged, the
 * setting a member turns off with `/privacidad avisos:` is the one an admin is told about when a Nudge is refused,
 * and checkpoint answers are "respuestas a los puntos de control" wherever they are named.
 */
describe("Spanish names each thing as the member's own commands name it", () => {
  let bot: BotHarness;
  const name = "Primavera";
  let lucia: { id: string };
  let bruno: { id: string };

  beforeAll(async () => {
    // Friday of week 2 (the cohort starts Monday 4 January): both members are behind.
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    await bot.createCohort({ name, language: "es" });
    bot.emulator.setUserLocale(bot.admin.id, "es-ES");
    lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    bruno = bot.emulator.createMember(bot.guild.id, { username: "bruno", locale: "es-ES" });
    await bot.reply(lucia.id, "join", { cohort: name });
    await bot.reply(bruno.id, "join", { cohort: name });
    bot.clock.set(new Date("2027-01-15T10:00:00Z"));
  });
  afterAll(async () => bot.close());

  it("logs a reference item as the material /semana lists under Consulta", async () => {
    expect(visibleText(await bot.reply(lucia.id, "week", { number: 3 }))).toContain("Material de consulta: se lista");
    const logged = visibleText(await bot.reply(lucia.id, "done", { item: "SQL Cheat Sheet" }));
    expect(logged).toContain("material de consulta, no da puntos");
    expect(logged).not.toContain("referencia");
    const undone = visibleText(await bot.reply(lucia.id, "undo", { item: "SQL Cheat Sheet" }));
    expect(undone).toContain("material de consulta, no daba puntos");
  });

  it("tells the admin a member turned off the avisos they set with /privacidad avisos:", async () => {
    // A roster page drawn before the change still carries the Nudge button; a fresh page shows the setting instead.
    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: name });
    const nudge = buttonsOf(roster).find((button) => button.label === "Animar a bruno");
    if (nudge === undefined) throw new Error("no Nudge button for bruno");
    const privacy = visibleText(await bot.reply(bruno.id, "privacy", { nudges: "off" }));
    expect(privacy).toContain("Avisos de los facilitadores: **desactivados**");
    const refused = visibleText(await bot.click(bot.admin.id, roster.id, nudge.customId).final());
    expect(refused).toContain("desactivó los avisos de los facilitadores");
    expect(bot.emulator.dmMessages(bruno.id)).toHaveLength(0);
    const fresh = visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort: name }));
    expect(fresh).toContain("🔕 avisos desactivados");
  });

  it("names checkpoint answers as the checkpoints are named", async () => {
    const confirm = visibleText(await bot.reply(lucia.id, "privacy", { delete: true }));
    expect(confirm).toContain("respuestas a los puntos de control");
  });
});
