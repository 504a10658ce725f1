import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";

describe("/cohort info, read in Spanish, of a cohort with nothing left to post", () => {
  const harness = useBotHarness({ now: new Date("2027-01-12T12:00:00Z") });

  it("agrees each field's 'none left' with its noun: publicación (feminine), punto de control (masculine)", async () => {
    const { bot } = harness;
    await bot.createCohort({ name: "Primavera", start: "2027-01-04" });
    await bot.reply(bot.admin.id, "cohort end", { cohort: "Primavera" });
    const jefa = bot.emulator.createMember(bot.guild.id, { username: "jefa", locale: "es-ES", manageGuild: true });

    const info = visibleText(await bot.reply(jefa.id, "cohort info", { cohort: "Primavera" }));

    expect(info).toContain("Próxima publicación semanal\nNo queda ninguna.");
    expect(info).toContain("Próximo punto de control\nNo queda ninguno.");
  });
});
